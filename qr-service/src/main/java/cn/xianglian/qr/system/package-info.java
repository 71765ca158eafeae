/**
 * Wiring and cross-cutting edges: configuration properties, the ledger adapter choice (embedded or
 * Fabric), the issuer key ring holder, users and wallet identities ({@code Users}, {@code Wallet},
 * {@code Callers}: HTTP Basic mapped to the identity a user signs ledger transactions with), the
 * one error advice that maps {@link cn.xianglian.qr.QrError} codes to HTTP (HTML "not genuine" page
 * for browsers, problem details otherwise), and the request guard (size limits, login on {@code
 * /api/**}).
 */
package cn.xianglian.qr.system;
