package cn.xianglian.app.producer;

import cn.xianglian.app.config.XlProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The salt of a producer's personal-data hash ({@code personal.salt}, transient). It is derived as
 * HMAC-SHA256 of the producer id under a secret kept in {@code <xl.data.dir>/personal-salt.key}:
 * unguessable from outside, yet the same on every retry, so a resubmitted registration has the same
 * content and the contract returns the existing record instead of {@code ALREADY_EXISTS}.
 */
@Component
public class PersonalDataSalts {

  /** The transient key of the personal data (JSON). */
  public static final String PERSONAL = "personal";

  /** The transient key of the salt. */
  public static final String SALT = "personal.salt";

  private final SecretKeySpec key;

  PersonalDataSalts(XlProperties properties) {
    this.key =
        new SecretKeySpec(
            loadOrCreate(properties.data().dir().resolve("personal-salt.key")), "HmacSHA256");
  }

  /** The 32-byte salt for {@code producerId}. */
  public byte[] saltFor(String producerId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(producerId.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static byte[] loadOrCreate(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        return Files.readAllBytes(file);
      }
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".salt", ".tmp");
      Files.write(temporary, secret);
      Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }
}
