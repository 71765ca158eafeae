package cn.xianglian.qr.signing;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The issuer's keys by id and which one signs new labels. Immutable: {@link #rotate} returns a new
 * ring in which the new key is current and every older key still verifies.
 */
public final class KeyRing {

  private final Map<String, IssuerKey> keys;
  private final String currentKeyId;

  public KeyRing(Collection<IssuerKey> keys, String currentKeyId) {
    var byId = new LinkedHashMap<String, IssuerKey>();
    for (IssuerKey key : keys) {
      if (byId.put(key.keyId(), key) != null) {
        throw new IllegalArgumentException("duplicate key id " + key.keyId());
      }
    }
    if (currentKeyId != null && !byId.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("current key " + currentKeyId + " not in the ring");
    }
    this.keys = Map.copyOf(byId);
    this.currentKeyId = currentKeyId;
  }

  /** A ring with one fresh key, id {@code 1}. */
  public static KeyRing generate(SignatureAlgorithm algorithm, Instant now) {
    return new KeyRing(java.util.List.of(), null).rotate(algorithm, now);
  }

  /** A new ring whose current key is a fresh key with the next numeric id. */
  public KeyRing rotate(SignatureAlgorithm algorithm, Instant now) {
    int next = 1;
    for (String id : keys.keySet()) {
      if (id.chars().allMatch(Character::isDigit) && id.length() < 9) {
        next = Math.max(next, Integer.parseInt(id) + 1);
      }
    }
    var pair = algorithm.generateKeyPair();
    var fresh =
        new IssuerKey(Integer.toString(next), algorithm, pair.getPublic(), pair.getPrivate(), now);
    var all = new java.util.ArrayList<>(keys.values());
    all.add(fresh);
    return new KeyRing(all, fresh.keyId());
  }

  /** The key new labels are signed with. */
  public IssuerKey current() {
    if (currentKeyId == null) {
      throw new IllegalStateException("the key ring is empty");
    }
    return keys.get(currentKeyId);
  }

  public Optional<IssuerKey> find(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  /** Every key, oldest id first. */
  public java.util.List<IssuerKey> keys() {
    return keys.values().stream()
        .sorted(
            java.util.Comparator.comparing(IssuerKey::createdAt).thenComparing(IssuerKey::keyId))
        .toList();
  }

  /** The ring as an offline verifier holds it: public keys only. */
  public KeyRing publicOnly() {
    return new KeyRing(keys.values().stream().map(IssuerKey::publicOnly).toList(), currentKeyId);
  }
}
