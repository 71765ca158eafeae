package cn.xianglian.qr.signing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * Keeps a key ring in a directory: {@code keyring.properties} names the current key and, per key,
 * its algorithm, creation time, public key (base64 DER) and private key (base64 PKCS#8). The file
 * is replaced atomically and readable by its owner only; keys are never deleted, so printed labels
 * keep verifying.
 */
public final class KeyRingFiles {

  private static final String FILE = "keyring.properties";

  private KeyRingFiles() {}

  /** Loads the ring, creating one with a fresh key of {@code algorithm} when none exists. */
  public static KeyRing loadOrCreate(Path directory, SignatureAlgorithm algorithm, Instant now) {
    Path file = directory.resolve(FILE);
    if (Files.exists(file)) {
      return load(file);
    }
    KeyRing ring = KeyRing.generate(algorithm, now);
    save(directory, ring);
    return ring;
  }

  public static void save(Path directory, KeyRing ring) {
    var properties = new Properties();
    properties.setProperty("current", ring.current().keyId());
    for (IssuerKey key : ring.keys()) {
      String p = "key." + key.keyId() + ".";
      properties.setProperty(p + "algorithm", key.algorithm().name());
      properties.setProperty(p + "createdAt", key.createdAt().toString());
      properties.setProperty(p + "public", key.publicKeyBase64());
      key.privateKey()
          .ifPresent(
              k ->
                  properties.setProperty(
                      p + "private", Base64.getEncoder().encodeToString(k.getEncoded())));
    }
    try {
      Files.createDirectories(directory);
      Path temporary = directory.resolve(FILE + ".tmp");
      Files.deleteIfExists(temporary);
      Files.createFile(temporary);
      ownerOnly(temporary);
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        properties.store(out, "XiangLian QR issuer keys: never delete a key, labels carry its id");
      }
      Files.move(
          temporary,
          directory.resolve(FILE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + directory.resolve(FILE), e);
    }
  }

  /** The file holds private keys: readable by its owner only, where the file system can say so. */
  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // e.g. Windows: rely on the directory's ACL
    }
  }

  private static KeyRing load(Path file) {
    var properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<IssuerKey> keys = new ArrayList<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith("key.") && name.endsWith(".algorithm")) {
        String id = name.substring(4, name.length() - ".algorithm".length());
        String p = "key." + id + ".";
        keys.add(
            new IssuerKey(
                id,
                SignatureAlgorithm.valueOf(properties.getProperty(p + "algorithm")),
                publicKey(properties.getProperty(p + "public")),
                privateKey(properties.getProperty(p + "private")),
                Instant.parse(properties.getProperty(p + "createdAt"))));
      }
    }
    return new KeyRing(keys, properties.getProperty("current"));
  }

  private static PublicKey publicKey(String base64) {
    try {
      return KeyFactory.getInstance("EC", SignatureAlgorithm.provider())
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unreadable public key", e);
    }
  }

  private static PrivateKey privateKey(String base64) {
    if (base64 == null) {
      return null;
    }
    try {
      return KeyFactory.getInstance("EC", SignatureAlgorithm.provider())
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unreadable private key", e);
    }
  }
}
