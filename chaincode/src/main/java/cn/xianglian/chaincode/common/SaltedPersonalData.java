package cn.xianglian.chaincode.common;

import static cn.xianglian.chaincode.domain.ErrorCode.INVALID_ARGUMENT;

import cn.xianglian.chaincode.domain.PersonalData;
import cn.xianglian.chaincode.domain.XlException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Personal data that reached the chaincode as transient data together with its salt: the data goes
 * to the private data collection, and only {@link #sha256Hex()} — SHA-256 of (salt ‖ canonical JSON
 * of the data) — to public state. The client chooses the salt (at least 16 bytes) so that every
 * endorsing peer computes the same hash.
 *
 * @param data the personal data (name, phone, ID number)
 * @param saltHex the salt, hex
 * @param sha256Hex the salted hash that public state may hold
 */
public record SaltedPersonalData(PersonalData data, String saltHex, String sha256Hex) {

  /** The shortest salt accepted. */
  public static final int MIN_SALT_BYTES = 16;

  /**
   * Reads {@code dataKey} (JSON) and {@code saltKey} from the transient map; empty when {@code
   * dataKey} is absent. Oversized, malformed or unsalted data is INVALID_ARGUMENT.
   */
  public static Optional<SaltedPersonalData> fromTransient(
      ChaincodeStub stub, String dataKey, String saltKey) {
    Map<String, byte[]> transientMap = stub.getTransient();
    byte[] raw = transientMap == null ? null : transientMap.get(dataKey);
    if (raw == null) {
      return Optional.empty();
    }
    Payloads.limited(dataKey, raw);
    byte[] salt = transientMap.get(saltKey);
    XlException.check(
        salt != null && salt.length >= MIN_SALT_BYTES,
        INVALID_ARGUMENT,
        dataKey + " needs transient " + saltKey + " of at least " + MIN_SALT_BYTES + " bytes");
    Payloads.limited(saltKey, salt);
    PersonalData data =
        CanonicalJson.read(new String(raw, StandardCharsets.UTF_8), PersonalData.class);
    byte[] canonical = CanonicalJson.bytes(data);
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt);
      digest.update(canonical);
      return Optional.of(
          new SaltedPersonalData(
              data, HexFormat.of().formatHex(salt), HexFormat.of().formatHex(digest.digest())));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
