/**
 * Labels: QR symbols (ZXing, quiet zone 4 modules, error correction M by default) as PNG and SVG
 * per code, and A4 PDF label sheets (OpenPDF) streamed page by page with an embedded CJK font.
 * {@link cn.xianglian.qr.label.LabelLayout} (the sheet geometry) is pure Java.
 */
package cn.xianglian.qr.label;
