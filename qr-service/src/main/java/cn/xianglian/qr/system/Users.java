package cn.xianglian.qr.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The users file ({@code <xl.qr.data-dir>/users.json}, the same format as the client-app's): each
 * user has a BCrypt password hash and acts as exactly one wallet identity.
 *
 * <pre>{@code
 * [{"username":"coop-yongjing","passwordHash":"$2a$10$...","identity":"coop-yongjing",
 *   "displayName":"永靖镇贡米专业合作社"}]
 * }</pre>
 *
 * BCrypt is slow on purpose (tens of milliseconds); a password that verified once is remembered as
 * its SHA-256 so that a print run's many label requests do not pay it each time.
 */
public final class Users {

  /** One entry of the users file. */
  public record UserEntry(
      String username, String passwordHash, String identity, String displayName) {}

  private final Path file;
  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
  private volatile Map<String, UserEntry> users;

  public Users(Path file) {
    this.file = file;
    this.users = load();
  }

  /** The user, when {@code password} is theirs. */
  public Optional<UserEntry> authenticate(String username, String password) {
    UserEntry entry = users.get(username);
    if (entry == null || entry.passwordHash() == null) {
      return Optional.empty();
    }
    byte[] digest = sha256(password);
    byte[] known = verified.get(username);
    if (known != null && MessageDigest.isEqual(known, digest)) {
      return Optional.of(entry);
    }
    if (!encoder.matches(password, entry.passwordHash())) {
      return Optional.empty();
    }
    verified.put(username, digest);
    return Optional.of(entry);
  }

  /** Adds or replaces a user, hashing the password with BCrypt, and rewrites the file. */
  public synchronized void put(String username, String password, String identity, String name) {
    var copy = new TreeMap<>(users);
    copy.put(username, new UserEntry(username, encoder.encode(password), identity, name));
    write(copy);
    verified.remove(username);
    users = copy;
  }

  private void write(Map<String, UserEntry> entries) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, ".users", ".tmp");
      json.writerWithDefaultPrettyPrinter()
          .writeValue(temporary.toFile(), new ArrayList<>(entries.values()));
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private Map<String, UserEntry> load() {
    var map = new TreeMap<String, UserEntry>();
    if (Files.isRegularFile(file)) {
      List<UserEntry> entries =
          json.readValue(file.toFile(), new TypeReference<List<UserEntry>>() {});
      entries.forEach(entry -> map.put(entry.username(), entry));
    }
    return map;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
