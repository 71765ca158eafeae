package cn.xianglian.qr.system;

import cn.xianglian.qr.signing.KeyRing;
import cn.xianglian.qr.signing.KeyRingFiles;
import cn.xianglian.qr.signing.SignatureAlgorithm;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live key ring, kept in {@code <dataDir>/keys}. Rotation writes the new ring to disk before it
 * takes effect, so no label is ever signed with a key that a restart would forget.
 */
public final class IssuerKeys {

  private final Path directory;
  private final Clock clock;
  private final AtomicReference<KeyRing> ring;

  public IssuerKeys(Path directory, SignatureAlgorithm algorithm, Clock clock) {
    this.directory = directory;
    this.clock = clock;
    this.ring =
        new AtomicReference<>(KeyRingFiles.loadOrCreate(directory, algorithm, clock.instant()));
  }

  public KeyRing ring() {
    return ring.get();
  }

  public String currentKeyId() {
    return ring.get().current().keyId();
  }

  /** Makes a fresh key current; older keys keep verifying. */
  public synchronized KeyRing rotate(SignatureAlgorithm algorithm) {
    KeyRing next = ring.get().rotate(algorithm, clock.instant());
    KeyRingFiles.save(directory, next);
    ring.set(next);
    return next;
  }
}
