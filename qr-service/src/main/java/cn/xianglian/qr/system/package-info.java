/**
 * Wiring and cross-cutting edges: configuration properties, the ledger adapter choice, the issuer
 * key ring holder, the one error advice that maps {@link cn.xianglian.qr.QrError} codes to HTTP
 * (HTML "not genuine" page for browsers, problem details otherwise), request-size and admin-token
 * filters.
 */
package cn.xianglian.qr.system;
