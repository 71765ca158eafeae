/**
 * Benchmark harness run by hand, not by the test phase ({@code QrBench}; commands and figures in
 * docs/benchmarks.md, section qr-service).
 */
package cn.xianglian.qr.bench;
