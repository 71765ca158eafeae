package cn.xianglian.app.integrity;

import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.projection.BlockProjector;
import cn.xianglian.app.projection.ProjectionRunner;
import cn.xianglian.app.projection.ReadModel;
import cn.xianglian.app.projection.StateKey;
import cn.xianglian.ledger.BlockEvent;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.TransactionInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies a projected record (trace or finance) against the ledger, in this order:
 *
 * <ol>
 *   <li>{@code rowHash}: the row's stored value hashes to its stored {@code value_sha256};
 *   <li>{@code transaction}: the ledger knows the row's tx id, valid, in the row's block;
 *   <li>{@code block}: that block, re-read from the ledger, holds the transaction and its hash is
 *       the projected block's hash, and the projected blocks link hash to hash;
 *   <li>{@code ledgerValue}: the record re-read from the ledger (through the contract's EVALUATE
 *       getter where there is one, else from the write in its block) hashes to the row's hash;
 *   <li>{@code columns}: the row's columns equal those decoded from the ledger's value;
 *   <li>{@code chain}: the adapter's own chain check, where it has one.
 * </ol>
 *
 * A failed check makes the record TAMPERED, except a different ledger value while the projection
 * lags behind the ledger, which is STALE.
 */
@Service
public class RecordVerifier {

  private static final HexFormat HEX = HexFormat.of();

  private final JdbcTemplate jdbc;
  private final LedgerClient ledger;
  private final CallerIdentities callers;
  private final ObjectProvider<ChainVerifier> chain;
  private final ObjectProvider<ProjectionRunner> runner;
  private final JsonMapper json = JsonMapper.builder().build();

  RecordVerifier(
      JdbcTemplate jdbc,
      LedgerClient ledger,
      CallerIdentities callers,
      ObjectProvider<ChainVerifier> chain,
      ObjectProvider<ProjectionRunner> runner) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.callers = callers;
    this.chain = chain;
    this.runner = runner;
  }

  /** Verifies the record; empty when the projection has no such row. */
  public Optional<Verification> verify(ReadModel table, String id) {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select * from " + table.table() + " where " + table.idColumn() + " = ?", id);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = lowerCaseKeys(rows.getFirst());
    String txId = (String) row.get("tx_id");
    long blockNumber = ((Number) row.get("block_number")).longValue();
    String rowSha = (String) row.get("value_sha256");
    String rowJson = (String) row.get("value_json");
    var checks = new ArrayList<Verification.Check>();

    String rowJsonSha = BlockProjector.sha256(rowJson.getBytes(StandardCharsets.UTF_8));
    checks.add(
        new Verification.Check(
            "rowHash", rowJsonSha.equals(rowSha), "sha256(value_json)=" + rowJsonSha));

    Optional<TransactionInfo> info = ledger.transaction(txId);
    checks.add(
        new Verification.Check(
            "transaction",
            info.filter(i -> i.valid() && i.blockNumber() == blockNumber).isPresent(),
            info.map(i -> "block " + i.blockNumber() + ", " + i.validationCode())
                .orElse("unknown to the ledger")));

    Optional<BlockEvent> block = readBlock(blockNumber);
    String blockHash = block.map(b -> HEX.formatHex(b.hash())).orElse(null);
    String projectedHash =
        jdbc
            .queryForList(
                "select block_hash from xl_block where block_number = ?", String.class, blockNumber)
            .stream()
            .findFirst()
            .orElse(null);
    Long brokenLinks =
        jdbc.queryForObject(
            "select count(*) from xl_block b join xl_block p"
                + " on b.block_number = p.block_number + 1 where b.previous_hash <> p.block_hash",
            Long.class);
    boolean holdsTx =
        block.stream()
            .flatMap(b -> b.transactions().stream())
            .anyMatch(tx -> tx.info().txId().equals(txId));
    checks.add(
        new Verification.Check(
            "block",
            blockHash != null
                && blockHash.equals(projectedHash)
                && holdsTx
                && Objects.equals(brokenLinks, 0L),
            "ledger "
                + blockHash
                + ", projected "
                + projectedHash
                + ", broken links "
                + brokenLinks));

    byte[] ledgerValue = ledgerValue(table, id, row, block).orElse(null);
    String ledgerSha = ledgerValue == null ? null : BlockProjector.sha256(ledgerValue);
    boolean valueMatches = ledgerSha != null && ledgerSha.equals(rowSha);
    checks.add(
        new Verification.Check(
            "ledgerValue", valueMatches, ledgerSha == null ? "not on the ledger" : ledgerSha));

    boolean columnsMatch = false;
    String columnsDetail = "no ledger value";
    if (ledgerValue != null) {
      Map<String, Object> expected = table.decode(json.readTree(ledgerValue));
      var differing = new ArrayList<String>();
      expected.forEach(
          (column, value) -> {
            if (!Objects.equals(asText(value), asText(row.get(column)))) {
              differing.add(column);
            }
          });
      columnsMatch = differing.isEmpty();
      columnsDetail = columnsMatch ? "all equal" : "differ: " + String.join(", ", differing);
    }
    checks.add(new Verification.Check("columns", columnsMatch, columnsDetail));

    ChainVerifier verifier = chain.getIfAvailable();
    if (verifier != null) {
      boolean intact;
      String detail;
      try {
        detail = verifier.verifyChain() + " blocks verified";
        intact = true;
      } catch (IllegalStateException e) {
        detail = e.getMessage();
        intact = false;
      }
      checks.add(new Verification.Check("chain", intact, detail));
    }

    Verification.Status status;
    if (checks.stream().allMatch(Verification.Check::passed)) {
      status = Verification.Status.VERIFIED;
    } else if (lagging()
        && checks.stream()
            .filter(c -> !c.passed())
            .allMatch(c -> c.name().equals("ledgerValue") || c.name().equals("columns"))) {
      status = Verification.Status.STALE;
    } else {
      status = Verification.Status.TAMPERED;
    }
    return Optional.of(
        new Verification(
            table.name().toLowerCase(java.util.Locale.ROOT),
            id,
            status,
            txId,
            blockNumber,
            blockHash,
            ledgerSha,
            checks));
  }

  private boolean lagging() {
    ProjectionRunner projection = runner.getIfAvailable();
    return projection != null && projection.lag() > 0;
  }

  /** The record's current value through the contract, else the write in its projected block. */
  private Optional<byte[]> ledgerValue(
      ReadModel table, String id, Map<String, Object> row, Optional<BlockEvent> block) {
    if (table.getter().isPresent()) {
      try {
        return Optional.of(
            ledger.evaluate(
                callers.applicationReader(),
                Proposal.of(table.contract(), table.getter().get(), id)));
      } catch (LedgerException e) {
        return Optional.empty();
      }
    }
    String txId = (String) row.get("tx_id");
    return block.stream()
        .flatMap(b -> b.transactions().stream())
        .filter(tx -> tx.info().txId().equals(txId) && tx.info().valid())
        .flatMap(tx -> tx.writes().stream())
        .filter(
            write -> {
              StateKey key = StateKey.parse(write.key());
              return !write.delete()
                  && table.objectType().equals(key.objectType())
                  && id.equals(table.id(key));
            })
        .map(BlockEvent.KeyWrite::value)
        .reduce((first, second) -> second);
  }

  /** One block re-read from the ledger (a subscription closed after its first delivery). */
  Optional<BlockEvent> readBlock(long number) {
    if (number < 0 || number >= ledger.height()) {
      return Optional.empty();
    }
    var first = new CompletableFuture<BlockEvent>();
    var subscription = ledger.onBlocks(number, first::complete);
    try {
      return Optional.of(first.get(10, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    } finally {
      subscription.close();
    }
  }

  private static String asText(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.math.BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  /** H2 hands large text columns back as {@link java.sql.Clob}s; everything else as is. */
  private static Object text(Object value) {
    if (value instanceof java.sql.Clob clob) {
      try {
        return clob.getSubString(1, (int) clob.length());
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return value;
  }

  private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
    var lower = new java.util.HashMap<String, Object>();
    row.forEach((key, value) -> lower.put(key.toLowerCase(java.util.Locale.ROOT), text(value)));
    return lower;
  }
}
