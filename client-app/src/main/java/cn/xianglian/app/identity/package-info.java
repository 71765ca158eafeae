/**
 * Who calls: the wallet of signing identities, the users file (BCrypt hashes, one wallet identity
 * per user), HTTP Basic security and the caller's identity for ledger calls.
 */
package cn.xianglian.app.identity;
