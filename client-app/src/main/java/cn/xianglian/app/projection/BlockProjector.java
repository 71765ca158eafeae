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
import java.util.HexFormat;
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
 * Writes one block into the projection tables in one database transaction: the block row, its
 * transactions, key writes, chaincode events, the trace read models, and the checkpoint. Either all
 * of it commits or none of it does, so the checkpoint always names exactly the blocks whose rows
 * are there.
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

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final MidBlockHook hook;
  private final JsonMapper json = JsonMapper.builder().build();

  public BlockProjector(JdbcTemplate jdbc, TransactionTemplate transactions, MidBlockHook hook) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.hook = hook;
  }

  /** The checkpoint as committed. */
  public Checkpoint checkpoint() {
    return jdbc.queryForObject(
        "select last_block, last_block_hash from xl_checkpoint where id = 1",
        (rs, row) -> new Checkpoint(rs.getLong(1), rs.getString(2)));
  }

  /** Projects one block atomically with the checkpoint; see the class comment. */
  public Outcome project(BlockEvent block) {
    return transactions.execute(status -> projectInTransaction(block));
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
                  "xl_chaincode_event",
                  "xl_key_write",
                  "xl_transaction",
                  "xl_block")) {
            jdbc.update("delete from " + table);
          }
          jdbc.update(
              "update xl_checkpoint set last_block = -1, last_block_hash = null, updated_at = ?"
                  + " where id = 1",
              Timestamp.from(Instant.now()));
        });
  }

  private Outcome projectInTransaction(BlockEvent block) {
    Checkpoint checkpoint = checkpoint();
    if (block.number() <= checkpoint.lastBlock()) {
      return Outcome.SKIPPED;
    }
    if (block.number() != checkpoint.lastBlock() + 1) {
      throw new ProjectionException(
          "block "
              + block.number()
              + " arrived but the checkpoint is at "
              + checkpoint.lastBlock()
              + " (a gap)");
    }
    String previousHash = HEX.formatHex(block.previousHash());
    if (checkpoint.lastBlockHash() != null && !checkpoint.lastBlockHash().equals(previousHash)) {
      throw new ProjectionException(
          "hash chain broken at block "
              + block.number()
              + ": its previousHash "
              + previousHash
              + " is not block "
              + checkpoint.lastBlock()
              + "'s hash "
              + checkpoint.lastBlockHash());
    }
    String hash = HEX.formatHex(block.hash());
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        "insert into xl_block (block_number, block_hash, previous_hash, tx_count, projected_at)"
            + " values (?, ?, ?, ?, ?)",
        block.number(),
        hash,
        previousHash,
        block.transactions().size(),
        now);
    writeTransactions(block);
    hook.afterRows(block);
    int updated =
        jdbc.update(
            "update xl_checkpoint set last_block = ?, last_block_hash = ?, updated_at = ?"
                + " where id = 1 and last_block = ?",
            block.number(),
            hash,
            now,
            checkpoint.lastBlock());
    if (updated != 1) {
      throw new ProjectionException(
          "checkpoint moved under block " + block.number() + " (two projectors?)");
    }
    return Outcome.PROJECTED;
  }

  private void writeTransactions(BlockEvent block) {
    var txRows = new ArrayList<Object[]>();
    var writeRows = new ArrayList<Object[]>();
    var eventRows = new ArrayList<Object[]>();
    // The last value of each read-model record in this block (a later write replaces an earlier).
    var readModel = new java.util.EnumMap<TraceTable, Map<String, List<Object>>>(TraceTable.class);
    for (BlockEvent.BlockTransaction tx : block.transactions()) {
      TransactionInfo info = tx.info();
      txRows.add(
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
          writeRows.add(
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
          collectReadModel(readModel, key, write, valueJson, sha, info, block.number());
        }
        ChaincodeEvent event = tx.event();
        if (event != null) {
          eventRows.add(
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
    jdbc.batchUpdate(
        "insert into xl_transaction (block_number, tx_index, tx_id, msp_id, tx_timestamp,"
            + " function_name, validation) values (?, ?, ?, ?, ?, ?, ?)",
        txRows);
    jdbc.batchUpdate(
        "insert into xl_key_write (block_number, tx_index, write_index, tx_id, namespace,"
            + " state_key, object_type, is_delete, value_sha256, value_json)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        writeRows);
    writeReadModel(readModel);
    jdbc.batchUpdate(
        "insert into xl_chaincode_event (block_number, tx_index, tx_id, chaincode, event_name,"
            + " payload_json) values (?, ?, ?, ?, ?, ?)",
        eventRows);
  }

  /** Records the row a record write leads to; {@code null} values mean the record was deleted. */
  private void collectReadModel(
      Map<TraceTable, Map<String, List<Object>>> readModel,
      StateKey key,
      BlockEvent.KeyWrite write,
      String valueJson,
      String sha,
      TransactionInfo info,
      long blockNumber) {
    Optional<TraceTable> table =
        key.objectType() == null ? Optional.empty() : TraceTable.forObjectType(key.objectType());
    if (table.isEmpty() || key.id() == null) {
      return;
    }
    Map<String, List<Object>> rows =
        readModel.computeIfAbsent(table.get(), t -> new java.util.LinkedHashMap<>());
    if (write.delete() || valueJson == null) {
      rows.put(key.id(), null);
      return;
    }
    var values = new ArrayList<Object>(table.get().decode(json.readTree(valueJson)).values());
    values.addAll(List.of(info.txId(), blockNumber, sha, valueJson));
    rows.put(key.id(), values);
  }

  /** Deletes, updates, and inserts (where no row was updated) the block's read-model rows. */
  private void writeReadModel(Map<TraceTable, Map<String, List<Object>>> readModel) {
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
          jdbc.batchUpdate(
              "insert into "
                  + table.table()
                  + " ("
                  + table.idColumn()
                  + ", "
                  + String.join(", ", names)
                  + ") values ("
                  + String.join(", ", java.util.Collections.nCopies(names.size() + 1, "?"))
                  + ")",
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
