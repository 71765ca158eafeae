package cn.xianglian.qr.system;

import cn.xianglian.ledger.Identities;
import cn.xianglian.ledger.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The directory of wallet files ({@code <label>.id}, the fabric-gateway wallet JSON the client-app
 * uses too) holding the identities users act as on the ledger. Files are read once and kept.
 */
public final class Wallet {

  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final Path directory;
  private final Map<String, Identity> loaded = new ConcurrentHashMap<>();

  public Wallet(Path directory) {
    this.directory = directory;
  }

  /** The identity stored under {@code label}, if there is one. */
  public Optional<Identity> find(String label) {
    if (!LABEL.matcher(label).matches()) {
      return Optional.empty();
    }
    Identity cached = loaded.get(label);
    if (cached != null) {
      return Optional.of(cached);
    }
    Path file = directory.resolve(label + ".id");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Identity identity = Identities.read(file);
    loaded.put(label, identity);
    return Optional.of(identity);
  }

  /** Stores {@code identity} under its label. */
  public void put(Identity identity) {
    if (!LABEL.matcher(identity.label()).matches()) {
      throw new IllegalArgumentException("not a wallet label: " + identity.label());
    }
    Identities.write(directory.resolve(identity.label() + ".id"), identity);
    loaded.put(identity.label(), identity);
  }
}
