package cn.xianglian.app.identity;

import cn.xianglian.app.config.XlProperties;
import cn.xianglian.ledger.Identities;
import cn.xianglian.ledger.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The directory of wallet files ({@code <label>.id}, fabric-gateway wallet JSON) that hold the
 * identities users act as. Files are read once and kept in memory.
 */
@Component
public class Wallet {

  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final Path directory;
  private final Map<String, Identity> loaded = new ConcurrentHashMap<>();

  Wallet(XlProperties properties) {
    this.directory = properties.wallet().dir();
  }

  /** The identity stored under {@code label}, if there is one. */
  public Optional<Identity> find(String label) {
    Identity cached = loaded.get(label);
    if (cached != null) {
      return Optional.of(cached);
    }
    Path file = file(label);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Identity identity = Identities.read(file);
    loaded.put(label, identity);
    return Optional.of(identity);
  }

  public boolean contains(String label) {
    return loaded.containsKey(label) || Files.isRegularFile(file(label));
  }

  /** Stores {@code identity} under its label (replacing an older file atomically). */
  public void put(Identity identity) {
    Identities.write(file(identity.label()), identity);
    loaded.put(identity.label(), identity);
  }

  private Path file(String label) {
    if (!LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException("not a wallet label: " + label);
    }
    return directory.resolve(label + ".id");
  }
}
