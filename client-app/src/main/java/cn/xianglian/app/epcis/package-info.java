/** Export of a batch's history as a GS1 EPCIS 2.0 JSON-LD document. */
package cn.xianglian.app.epcis;
