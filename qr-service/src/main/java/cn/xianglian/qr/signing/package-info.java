/**
 * The anti-counterfeit signature carried in each code: {@code ?k=<keyId>&s=<base64url signature>}
 * over product, lot, serial and key id, made with the issuer's private key (ECDSA P-256 with
 * SHA-256 by default, SM2 with SM3 selectable) and checked offline with its public key. Owns the
 * issuer key ring and its rotation: new labels use the current key, every older public key keeps
 * verifying. Pure Java on Bouncy Castle.
 */
package cn.xianglian.qr.signing;
