package cn.xianglian.qr.signing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The signature schemes a code may carry. Both give a plain {@code r || s} signature of 64 bytes
 * (86 base64url characters), the shortest encoding of a 256-bit curve signature.
 */
public enum SignatureAlgorithm {
  /** ECDSA on NIST P-256 with SHA-256, deterministic k (RFC 6979). */
  ECDSA_P256_SHA256("secp256r1"),
  /** SM2 with SM3 (GB/T 32918), default user id {@code 1234567812345678}. */
  SM2_SM3("sm2p256v1");

  /** Length of the plain r||s signature in bytes. */
  public static final int SIGNATURE_BYTES = 64;

  private static final Provider BC = new BouncyCastleProvider();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String curve;

  SignatureAlgorithm(String curve) {
    this.curve = curve;
  }

  static Provider provider() {
    return BC;
  }

  /** A fresh key pair on this algorithm's curve (keys encode with the named-curve OID). */
  public KeyPair generateKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
      generator.initialize(new ECGenParameterSpec(curve), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a " + curve + " key", e);
    }
  }

  byte[] sign(AsymmetricKeyParameter privateKey, byte[] message) {
    Signer signer = signer();
    signer.init(true, this == SM2_SM3 ? new ParametersWithRandom(privateKey, RANDOM) : privateKey);
    signer.update(message, 0, message.length);
    try {
      return signer.generateSignature();
    } catch (CryptoException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }

  boolean verify(AsymmetricKeyParameter publicKey, byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_BYTES) {
      return false;
    }
    Signer signer = signer();
    signer.init(false, publicKey);
    signer.update(message, 0, message.length);
    return signer.verifySignature(signature);
  }

  private Signer signer() {
    return switch (this) {
      case ECDSA_P256_SHA256 ->
          new DSADigestSigner(
              new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())),
              new SHA256Digest(),
              PlainDSAEncoding.INSTANCE);
      case SM2_SM3 -> new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    };
  }
}
