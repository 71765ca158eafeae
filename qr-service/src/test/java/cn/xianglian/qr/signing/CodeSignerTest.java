package cn.xianglian.qr.signing;

import static cn.xianglian.qr.Errors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.xianglian.qr.QrError;
import cn.xianglian.qr.digitallink.DigitalLink;
import cn.xianglian.qr.digitallink.Gtin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CodeSignerTest {

  static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
  static final DigitalLink LINK =
      new DigitalLink(new Gtin("06901234567892"), "XF-2026-0001", "U1024");

  @Nested
  @DisplayName("sign and verify")
  class SignVerify {

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void a_signed_code_verifies_offline_with_the_public_keys_only(SignatureAlgorithm algorithm) {
      KeyRing ring = KeyRing.generate(algorithm, T0);
      SignedCode code = CodeSigner.sign(ring, LINK);

      assertThat(code.signature()).hasSize(SignatureAlgorithm.SIGNATURE_BYTES);
      assertThat(code.signatureText()).hasSize(86).matches("[A-Za-z0-9_-]+");
      assertThat(code.query()).isEqualTo("?k=1&s=" + code.signatureText());
      assertThatCode(
              () -> CodeSigner.verify(ring.publicOnly(), LINK, code.keyId(), code.signatureText()))
          .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void a_signature_moved_to_another_serial_is_invalid(SignatureAlgorithm algorithm) {
      KeyRing ring = KeyRing.generate(algorithm, T0);
      SignedCode code = CodeSigner.sign(ring, LINK);
      var other = new DigitalLink(LINK.product(), LINK.lot(), "U1025");

      assertThat(errorOf(() -> CodeSigner.verify(ring, other, "1", code.signatureText())))
          .isEqualTo(QrError.SIGNATURE_INVALID);
    }

    @Test
    void the_signed_message_names_product_lot_serial_and_key() {
      assertThat(new String(CodeSigner.message(LINK, "7"), StandardCharsets.UTF_8))
          .isEqualTo("XL1|01/06901234567892|XF-2026-0001|U1024|7");
    }

    @Test
    void missing_unknown_and_garbled_signatures_have_distinct_codes() {
      KeyRing ring = KeyRing.generate(SignatureAlgorithm.ECDSA_P256_SHA256, T0);
      String good = CodeSigner.sign(ring, LINK).signatureText();

      assertThat(errorOf(() -> CodeSigner.verify(ring, LINK, null, good)))
          .isEqualTo(QrError.SIGNATURE_MISSING);
      assertThat(errorOf(() -> CodeSigner.verify(ring, LINK, "1", "")))
          .isEqualTo(QrError.SIGNATURE_MISSING);
      assertThat(errorOf(() -> CodeSigner.verify(ring, LINK, "9", good)))
          .isEqualTo(QrError.KEY_UNKNOWN);
      assertThat(errorOf(() -> CodeSigner.verify(ring, LINK, "1", "not*base64")))
          .isEqualTo(QrError.SIGNATURE_INVALID);
      assertThat(errorOf(() -> CodeSigner.verify(ring, LINK, "1", good.substring(4))))
          .isEqualTo(QrError.SIGNATURE_INVALID);
      char flipped = good.charAt(10) == 'A' ? 'B' : 'A';
      String forged = good.substring(0, 10) + flipped + good.substring(11);
      assertThat(errorOf(() -> CodeSigner.verify(ring, LINK, "1", forged)))
          .isEqualTo(QrError.SIGNATURE_INVALID);
    }
  }

  @Nested
  @DisplayName("rotation")
  class Rotation {

    @Test
    void new_labels_use_the_new_key_and_old_labels_keep_verifying() {
      KeyRing first = KeyRing.generate(SignatureAlgorithm.ECDSA_P256_SHA256, T0);
      SignedCode old = CodeSigner.sign(first, LINK);

      KeyRing rotated = first.rotate(SignatureAlgorithm.SM2_SM3, T0.plusSeconds(60));
      SignedCode fresh = CodeSigner.sign(rotated, LINK);

      assertThat(fresh.keyId()).isEqualTo("2");
      assertThat(rotated.current().algorithm()).isEqualTo(SignatureAlgorithm.SM2_SM3);
      assertThatCode(() -> CodeSigner.verify(rotated, LINK, "1", old.signatureText()))
          .doesNotThrowAnyException();
      assertThatCode(() -> CodeSigner.verify(rotated, LINK, "2", fresh.signatureText()))
          .doesNotThrowAnyException();
    }

    @Test
    void a_signature_cannot_be_relabelled_with_another_key_id() {
      KeyRing ring =
          KeyRing.generate(SignatureAlgorithm.ECDSA_P256_SHA256, T0)
              .rotate(SignatureAlgorithm.ECDSA_P256_SHA256, T0);
      SignedCode code = CodeSigner.sign(ring, LINK);

      assertThat(errorOf(() -> CodeSigner.verify(ring, LINK, "1", code.signatureText())))
          .isEqualTo(QrError.SIGNATURE_INVALID);
    }

    @Test
    void the_ring_survives_a_restart_from_its_directory(@TempDir Path dir) throws Exception {
      KeyRing created = KeyRingFiles.loadOrCreate(dir, SignatureAlgorithm.SM2_SM3, T0);
      SignedCode code = CodeSigner.sign(created, LINK);
      KeyRingFiles.save(dir, created.rotate(SignatureAlgorithm.ECDSA_P256_SHA256, T0));

      KeyRing loaded = KeyRingFiles.loadOrCreate(dir, SignatureAlgorithm.SM2_SM3, T0);

      assertThat(loaded.current().keyId()).isEqualTo("2");
      assertThat(loaded.keys()).extracting(IssuerKey::keyId).containsExactly("1", "2");
      assertThatCode(() -> CodeSigner.verify(loaded, LINK, "1", code.signatureText()))
          .doesNotThrowAnyException();
      assertThat(CodeSigner.sign(loaded, LINK).keyId()).isEqualTo("2");
      assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve("keyring.properties")))
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
  }
}
