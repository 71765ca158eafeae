/**
 * Scan analytics, off the ledger: every resolution is recorded (time, code, outcome, coarse
 * location if the phone gave one) in an append-only table; first-scan time and count per code;
 * counterfeit heuristics ({@link cn.xianglian.qr.scan.CounterfeitHeuristics}, pure) raise warnings
 * that regulators read through the API, with consumers' complaints (投诉).
 */
package cn.xianglian.qr.scan;
