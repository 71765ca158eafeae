package cn.xianglian.qr.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * One issuer key: its short id (carried in every code as {@code k}), algorithm, public key and, on
 * the issuing side only, its private key.
 */
public final class IssuerKey {

  /** Key ids are short so that codes stay short: 1 to 8 letters or digits. */
  public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9]{1,8}");

  private final String keyId;
  private final SignatureAlgorithm algorithm;
  private final PublicKey publicKey;
  private final PrivateKey privateKey;
  private final Instant createdAt;
  private final AsymmetricKeyParameter verifyParameters;
  private final AsymmetricKeyParameter signParameters;

  public IssuerKey(
      String keyId,
      SignatureAlgorithm algorithm,
      PublicKey publicKey,
      PrivateKey privateKey,
      Instant createdAt) {
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException("key id must match " + KEY_ID + ": " + keyId);
    }
    this.keyId = keyId;
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    this.privateKey = privateKey;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    try {
      this.verifyParameters = PublicKeyFactory.createKey(publicKey.getEncoded());
      this.signParameters =
          privateKey == null ? null : PrivateKeyFactory.createKey(privateKey.getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable key " + keyId, e);
    }
  }

  public String keyId() {
    return keyId;
  }

  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public Optional<PrivateKey> privateKey() {
    return Optional.ofNullable(privateKey);
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The public key as base64 DER SubjectPublicKeyInfo, as published to offline verifiers. */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  /** The same key without its private half, for verifiers. */
  public IssuerKey publicOnly() {
    return new IssuerKey(keyId, algorithm, publicKey, null, createdAt);
  }

  byte[] sign(byte[] message) {
    if (signParameters == null) {
      throw new IllegalStateException("key " + keyId + " has no private key here");
    }
    return algorithm.sign(signParameters, message);
  }

  boolean verify(byte[] message, byte[] signature) {
    return algorithm.verify(verifyParameters, message, signature);
  }
}
