/**
 * XiangLian QR service: GS1 Digital Link codes issued in ranges per batch, signed for offline
 * verification, printed as labels and resolved to the consumer page. Owns the error catalogue
 * ({@link cn.xianglian.qr.QrError}) shared by every feature package.
 */
package cn.xianglian.qr;
