package cn.xianglian.app.projection;

import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.ChaincodeEvent;
import cn.xianglian.ledger.TransactionInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes blocks into the projection tables in one database transaction per group of consecutive
 * blocks: the block rows, their transactions, key writes, chaincode events, the read models, and
 * the checkpoint. Either all of it commits or none of it does, so the checkpoint always names
 * exactly the blocks whose rows are there.
 *
 * <p>Blocks must come in order: a block at or below the checkpoint is skipped (a redelivery), a gap
 * or a block whose {@code previousHash} is not the projected previous block's hash is refused with
 * a {@link ProjectionException}.
 */
public final class BlockProjector {

  /** Called after a block's rows are written and before the checkpoint; tests inject failures. */
  @FunctionalInterface
  public interface MidBlockHook {
    MidBlockHook NONE = block -> {};

    void afterRows(BlockEvent block);

    /**
     * Called once for a group of consecutive blocks projected in one transaction, after all their
     * rows and before the checkpoint; by default {@link #afterRows} per block, in order. A read
     * model that keeps only the latest value of a record overrides it to write once per group.
     */
    default void afterGroup(List<BlockEvent> blocks) {
      blocks.forEach(this::afterRows);
    }
  }

  /** The result of {@link #project}. */
  public enum Outcome {
    PROJECTED,
    SKIPPED
  }

  /** The checkpoint: the last projected block and its hash ({@code -1} and null before any). */
  public record Checkpoint(long lastBlock, String lastBlockHash) {}

  private static final Logger LOG = LoggerFactory.getLogger(BlockProjector.class);
  private static final HexFormat HEX = HexFormat.of();
  private static final int ROWS_PER_INSERT = 64;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final MidBlockHook hook;
  private final JsonMapper json = JsonMapper.builder().build();
  private final FinanceRows finance;

  public BlockProjector(JdbcTemplate jdbc, TransactionTemplate transactions, MidBlockHook hook) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.hook = hook;
    this.finance = new FinanceRows(jdbc);
  }

  /** The checkpoint as committed. */
  public Checkpoint checkpoint() {
    return jdbc.queryForObject(
        "select last_block, last_block_hash from xl_checkpoint where id = 1",
        (rs, row) -> new Checkpoint(rs.getLong(1), rs.getString(2)));
  }

  /** Projects one block atomically with the checkpoint; see the class comment. */
  public Outcome project(BlockEvent block) {
    return projectAll(List.of(block)) == 0 ? Outcome.SKIPPED : Outcome.PROJECTED;
  }

  /**
   * Projects consecutive blocks in one database transaction that ends with the checkpoint at the
   * last of them: all of them commit or none does. Blocks at or below the checkpoint are skipped.
   * One transaction and one batched statement per table for the whole group is what makes catch-up
   * fast; a live block arrives alone and is a group of one.
   *
   * @return how many blocks were projected (the others were redeliveries)
   */
  public int projectAll(List<BlockEvent> blocks) {
    Integer projected = transactions.execute(status -> projectInTransaction(blocks));
    return projected == null ? 0 : projected;
  }

  /** Deletes every projected row and resets the checkpoint, in one transaction (then replay). */
  public void clear() {
    transactions.executeWithoutResult(
        status -> {
          for (String table :
              List.of(
                  "tr_producer",
                  "tr_batch",
                  "tr_event",
                  "tr_certificate",
                  "tr_warning",
                  "tr_recall",
                  "fin_voucher",
                  "fin_decision",
                  "fin_rules",
                  "fin_publication",
                  "fin_objection",
                  "fin_contract",
                  "fin_asset",
                  "xl_chaincode_event",
                  "xl_key_write",
                  "xl_transaction",
                  "xl_block")) {
            jdbc.update("delete from " + table);
          }
          finance.clear();
          jdbc.update(
              "update xl_checkpoint set last_block = -1, last_block_hash = null, updated_at = ?"
                  + " where id = 1",
              Timestamp.from(Instant.now()));
        });
  }

  private int projectInTransaction(List<BlockEvent> group) {
    Checkpoint checkpoint = checkpoint();
    long lastBlock = checkpoint.lastBlock();
    String lastHash = checkpoint.lastBlockHash();
    var blocks = new ArrayList<BlockEvent>(group.size());
    for (BlockEvent block : group) {
      if (block.number() <= lastBlock) {
        continue;
      }
      if (block.number() != lastBlock + 1) {
        throw new ProjectionException(
            "block "
                + block.number()
                + " arrived but the checkpoint is at "
                + lastBlock
                + " (a gap)");
      }
      String previousHash = HEX.formatHex(block.previousHash());
      if (lastHash != null && !lastHash.equals(previousHash)) {
        throw new ProjectionException(
            "hash chain broken at block "
                + block.number()
                + ": its previousHash "
                + previousHash
                + " is not block "
                + lastBlock
                + "'s hash "
                + lastHash);
      }
      blocks.add(block);
      lastBlock = block.number();
      lastHash = HEX.formatHex(block.hash());
    }
    if (blocks.isEmpty()) {
      return 0;
    }
    Timestamp now = Timestamp.from(Instant.now());
    var rows = new Rows();
    for (BlockEvent block : blocks) {
      rows.blocks.add(
          new Object[] {
            block.number(),
            HEX.formatHex(block.hash()),
            HEX.formatHex(block.previousHash()),
            block.transactions().size(),
            now
          });
      collect(block, rows);
    }
    write(rows);
    hook.afterGroup(blocks);
    int updated =
        jdbc.update(
            "update xl_checkpoint set last_block = ?, last_block_hash = ?, updated_at = ?"
                + " where id = 1 and last_block = ?",
            lastBlock,
            lastHash,
            now,
            checkpoint.lastBlock());
    if (updated != 1) {
      throw new ProjectionException(
          "checkpoint moved under block " + blocks.getFirst().number() + " (two projectors?)");
    }
    return blocks.size();
  }

  /** The rows of a group of blocks, gathered before anything is written. */
  private static final class Rows {
    final List<Object[]> blocks = new ArrayList<>();
    final List<Object[]> transactions = new ArrayList<>();
    final List<Object[]> writes = new ArrayList<>();
    final List<Object[]> events = new ArrayList<>();
    // The last value of each read-model record in the group (a later write replaces an earlier).
    final Map<ReadModel, Map<String, List<Object>>> readModel = new LinkedHashMap<>();
  }

  private void write(Rows rows) {
    insert(
        "xl_block",
        "block_number, block_hash, previous_hash, tx_count, projected_at",
        5,
        rows.blocks);
    insert(
        "xl_transaction",
        "block_number, tx_index, tx_id, msp_id, tx_timestamp, function_name, validation",
        7,
        rows.transactions);
    insert(
        "xl_key_write",
        "block_number, tx_index, write_index, tx_id, namespace, state_key, object_type, is_delete,"
            + " value_sha256, value_json",
        10,
        rows.writes);
    writeReadModel(rows.readModel);
    finance.write(rows.readModel);
    insert(
        "xl_chaincode_event",
        "block_number, tx_index, tx_id, chaincode, event_name, payload_json",
        6,
        rows.events);
  }

  /**
   * Inserts rows with multi-row {@code insert ... values (..), (..)} statements of {@value
   * #ROWS_PER_INSERT} rows, batched (one statement text, prepared once), and one statement for the
   * rest: the database parses and plans a statement per {@value #ROWS_PER_INSERT} rows instead of
   * executing one per row.
   */
  private void insert(String table, String columns, int width, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int full = rows.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
    if (full > 0) {
      var chunks = new ArrayList<Object[]>(full / ROWS_PER_INSERT);
      for (int from = 0; from < full; from += ROWS_PER_INSERT) {
        chunks.add(flatten(rows.subList(from, from + ROWS_PER_INSERT), width));
      }
      jdbc.batchUpdate(insertSql(table, columns, width, ROWS_PER_INSERT), chunks);
    }
    if (full < rows.size()) {
      List<Object[]> rest = rows.subList(full, rows.size());
      jdbc.update(insertSql(table, columns, width, rest.size()), flatten(rest, width));
    }
  }

  private static String insertSql(String table, String columns, int width, int rowCount) {
    String row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
    return "insert into "
        + table
        + " ("
        + columns
        + ") values "
        + String.join(", ", Collections.nCopies(rowCount, row));
  }

  private static Object[] flatten(List<Object[]> rows, int width) {
    var values = new Object[rows.size() * width];
    for (int r = 0; r < rows.size(); r++) {
      Object[] row = rows.get(r);
      if (row.length != width) {
        throw new IllegalArgumentException("a row of " + row.length + " values, not " + width);
      }
      System.arraycopy(row, 0, values, r * width, width);
    }
    return values;
  }

  private void collect(BlockEvent block, Rows rows) {
    for (BlockEvent.BlockTransaction tx : block.transactions()) {
      TransactionInfo info = tx.info();
      rows.transactions.add(
          new Object[] {
            block.number(),
            info.indexInBlock(),
            info.txId(),
            info.creatorMspId(),
            info.timestamp() == null ? null : Timestamp.from(info.timestamp()),
            info.function(),
            info.validationCode().name()
          });
      if (!info.valid()) {
        continue;
      }
      MDC.put("txId", info.txId());
      try {
        List<BlockEvent.KeyWrite> writes = tx.writes();
        for (int w = 0; w < writes.size(); w++) {
          BlockEvent.KeyWrite write = writes.get(w);
          StateKey key = StateKey.parse(write.key());
          String valueJson = write.delete() ? null : jsonText(write.value());
          String sha = write.delete() ? null : sha256(write.value());
          rows.writes.add(
              new Object[] {
                block.number(),
                info.indexInBlock(),
                w,
                info.txId(),
                write.namespace(),
                key.display(),
                key.objectType(),
                write.delete(),
                sha,
                valueJson
              });
          collectReadModel(rows.readModel, key, write, valueJson, sha, info, block.number());
        }
        ChaincodeEvent event = tx.event();
        if (event != null) {
          rows.events.add(
              new Object[] {
                block.number(),
                info.indexInBlock(),
                info.txId(),
                event.chaincodeName(),
                event.eventName(),
                jsonText(event.payload())
              });
        }
        LOG.debug("projected {} in block {}", info.function(), block.number());
      } finally {
        MDC.remove("txId");
      }
    }
  }

  /** Records the row a record write leads to; {@code null} values mean the record was deleted. */
  private void collectReadModel(
      Map<ReadModel, Map<String, List<Object>>> readModel,
      StateKey key,
      BlockEvent.KeyWrite write,
      String valueJson,
      String sha,
      TransactionInfo info,
      long blockNumber) {
    Optional<ReadModel> table =
        key.objectType() == null ? Optional.empty() : ReadModel.forObjectType(key.objectType());
    if (table.isEmpty() || key.id() == null) {
      return;
    }
    String id = table.get().id(key);
    Map<String, List<Object>> rows =
        readModel.computeIfAbsent(table.get(), t -> new LinkedHashMap<>());
    if (write.delete() || valueJson == null) {
      rows.put(id, null);
      return;
    }
    var values = new ArrayList<Object>(table.get().decode(json.readTree(valueJson)).values());
    values.addAll(List.of(info.txId(), blockNumber, sha, valueJson));
    rows.put(id, values);
  }

  /** Deletes, updates, and inserts (where no row was updated) the block's read-model rows. */
  private void writeReadModel(Map<ReadModel, Map<String, List<Object>>> readModel) {
    readModel.forEach(
        (table, rows) -> {
          var names = new ArrayList<String>();
          table.columns().forEach(column -> names.add(column.name()));
          names.addAll(List.of("tx_id", "block_number", "value_sha256", "value_json"));
          var deletes = new ArrayList<Object[]>();
          var updates = new ArrayList<Object[]>();
          var updatedIds = new ArrayList<String>();
          rows.forEach(
              (id, values) -> {
                if (values == null) {
                  deletes.add(new Object[] {id});
                } else {
                  var arguments = new ArrayList<>(values);
                  arguments.add(id);
                  updates.add(arguments.toArray());
                  updatedIds.add(id);
                }
              });
          jdbc.batchUpdate(
              "delete from " + table.table() + " where " + table.idColumn() + " = ?", deletes);
          int[] counts =
              jdbc.batchUpdate(
                  "update "
                      + table.table()
                      + " set "
                      + String.join(" = ?, ", names)
                      + " = ? where "
                      + table.idColumn()
                      + " = ?",
                  updates);
          var inserts = new ArrayList<Object[]>();
          for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
              String id = updatedIds.get(i);
              var arguments = new ArrayList<Object>();
              arguments.add(id);
              arguments.addAll(rows.get(id));
              inserts.add(arguments.toArray());
            }
          }
          insert(
              table.table(),
              table.idColumn() + ", " + String.join(", ", names),
              names.size() + 1,
              inserts);
        });
  }

  /** The value as text if it looks like JSON (records do); null for index markers and the like. */
  private static String jsonText(byte[] value) {
    if (value == null || value.length == 0 || (value[0] != '{' && value[0] != '[')) {
      return null;
    }
    return new String(value, StandardCharsets.UTF_8);
  }

  /** SHA-256 of the bytes, lower-case hex. */
  public static String sha256(byte[] value) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(value));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
