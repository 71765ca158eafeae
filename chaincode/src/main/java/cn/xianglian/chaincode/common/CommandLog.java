package cn.xianglian.chaincode.common;

import java.util.HashMap;
import java.util.Map;

/**
 * How commands that create a record under a client-chosen id recognise a retry. Each such command
 * logs, under {@code (COMMAND, kind, id)}, who sent it, which transaction it was and the SHA-256 of
 * its canonical content; a later command with the same kind and id is the same command (a retry:
 * the existing record is answered, nothing is written) when that hash is equal, a conflict when it
 * differs. Kinds are prefixed per contract (e.g. {@code FIN_VOUCHER}, {@code PARTY_ORG}), so the
 * contracts share one key space without colliding.
 */
public final class CommandLog {

  /** What a lookup found for a kind and id. */
  public enum Replay {
    /** No command logged: a first attempt. */
    NONE,
    /** The same command by the same caller: a retry. */
    SAME,
    /** Another command (content or caller) used this id. */
    DIFFERENT
  }

  /** The logged entry (its canonical JSON is what the ledger holds). */
  record Entry(String caller, String transaction, String commandSha256) {}

  private final LedgerState state;

  public CommandLog(LedgerState state) {
    this.state = state;
  }

  /**
   * SHA-256 (hex) of the canonical JSON of {@code {caller, command, transaction}} and, when not
   * null, {@code extra} (e.g. the salted hash of transient personal data, which the command
   * argument does not carry).
   */
  public static String hash(String transaction, String caller, Object command, String extra) {
    Map<String, Object> content = new HashMap<>();
    content.put("caller", caller);
    content.put("command", command);
    content.put("transaction", transaction);
    if (extra != null) {
      content.put("extra", extra);
    }
    return Sha256.hex(CanonicalJson.bytes(content));
  }

  /** Whether a command of {@code kind} was logged for {@code id}, and whether it had this hash. */
  public Replay replay(String kind, String id, String hash) {
    return state
        .read(KeyCodec.key(ObjectType.COMMAND, kind, id), Entry.class)
        .map(entry -> entry.commandSha256().equals(hash) ? Replay.SAME : Replay.DIFFERENT)
        .orElse(Replay.NONE);
  }

  /** Logs a command that created (or changed) the record {@code kind}/{@code id}. */
  public void log(String kind, String id, String transaction, String caller, String hash) {
    state.write(KeyCodec.key(ObjectType.COMMAND, kind, id), new Entry(caller, transaction, hash));
  }
}
