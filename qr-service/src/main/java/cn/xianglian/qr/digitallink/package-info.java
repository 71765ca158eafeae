/**
 * GS1 Digital Link, uncompressed form, as this resolver serves it: {@code
 * /01/<GTIN-14>/10/<lot>/21/<serial>} and the internal fallback {@code
 * /xl/<code>/10/<lot>/21/<serial>} for products without a GTIN; GTIN check digits, the AI 10/21
 * character set (GS1 set 82, up to 20 characters), percent-encoding, and the serial scheme that
 * carries the packaging level. Pure Java.
 */
package cn.xianglian.qr.digitallink;
