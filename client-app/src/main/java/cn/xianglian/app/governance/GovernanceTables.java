package cn.xianglian.app.governance;

import cn.xianglian.app.projection.BlockProjector;
import cn.xianglian.app.projection.StateKey;
import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.chaincode.common.CanonicalJson;
import cn.xianglian.chaincode.grid.domain.Department;
import cn.xianglian.chaincode.grid.domain.GridCatalogue;
import cn.xianglian.chaincode.grid.domain.GridEvent;
import cn.xianglian.chaincode.grid.domain.Step;
import cn.xianglian.chaincode.grid.domain.StepAction;
import cn.xianglian.chaincode.party.domain.Dues;
import cn.xianglian.chaincode.party.domain.Meeting;
import cn.xianglian.chaincode.party.domain.Member;
import cn.xianglian.chaincode.party.domain.Organisation;
import cn.xianglian.chaincode.party.domain.PartyRules;
import cn.xianglian.chaincode.party.domain.Publication;
import cn.xianglian.ledger.BlockEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the grid and party records of a block into the {@code gov_*} tables (V40__governance.sql).
 * The block projector calls it after the block's own rows and before its checkpoint, in the same
 * database transaction, so these tables always describe exactly the checkpointed blocks. A record's
 * last write in the block wins; its row names that transaction. Block 0 starts a replay (a new
 * database or {@code ProjectionRunner.rebuild()}), so it empties the tables first. Records are read
 * with the contract's own classes and serialiser: a value they cannot read fails the block, as any
 * projection failure does, and nothing of the block commits.
 */
@Component
public final class GovernanceTables implements BlockProjector.MidBlockHook {

  /** The tables, children before parents. */
  static final List<String> TABLES =
      List.of(
          "gov_grid_step",
          "gov_grid_event",
          "gov_grid_department",
          "gov_party_rules",
          "gov_party_org",
          "gov_party_member",
          "gov_party_meeting",
          "gov_party_dues",
          "gov_party_publication");

  private final JdbcTemplate jdbc;

  public GovernanceTables(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A record write of the block: the decoded key, the value, and the transaction that wrote it. */
  private record Pending(StateKey key, byte[] value, boolean delete, String txId, long block) {}

  @Override
  public void afterRows(BlockEvent block) {
    afterGroup(List.of(block));
  }

  /**
   * Writes the latest value of every governance record the group's blocks wrote, once: a record
   * written in several blocks of the group (a grid event goes through eight steps) becomes one
   * upsert, and each table gets one batched statement per group rather than per block.
   */
  @Override
  public void afterGroup(List<BlockEvent> blocks) {
    Map<String, Pending> last = new LinkedHashMap<>();
    for (BlockEvent block : blocks) {
      if (block.number() == 0) {
        clear();
        last.clear();
      }
      for (BlockEvent.BlockTransaction tx : block.transactions()) {
        if (!tx.info().valid()) {
          continue;
        }
        for (BlockEvent.KeyWrite write : tx.writes()) {
          String key = write.key();
          if (!isGovernanceKey(key)) {
            continue;
          }
          StateKey parsed = StateKey.parse(key);
          if (parsed.objectType() != null && RecordType.of(parsed.objectType()) != null) {
            last.put(
                key,
                new Pending(
                    parsed, write.value(), write.delete(), tx.info().txId(), block.number()));
          }
        }
      }
    }
    if (last.isEmpty()) {
      return;
    }
    var batch = new Batch();
    last.values().forEach(pending -> collect(batch, pending));
    batch.flush(jdbc);
  }

  /** Whether a composite key's object type is a grid or party one (before parsing it). */
  private static boolean isGovernanceKey(String key) {
    return key.startsWith("\u0000xl.grid.") || key.startsWith("\u0000xl.party.");
  }

  /** Empties every governance table (the projector's replay from block 0 refills them). */
  public void clear() {
    TABLES.forEach(table -> jdbc.update("delete from " + table));
  }

  /** The ledger object types read here. */
  private enum RecordType {
    GRID_EVENT("xl.grid.event"),
    GRID_CATALOGUE("xl.grid.catalogue"),
    PARTY_RULES("xl.party.rules"),
    PARTY_ORG("xl.party.org"),
    PARTY_MEMBER("xl.party.member"),
    PARTY_MEETING("xl.party.meeting"),
    PARTY_DUES("xl.party.dues"),
    PARTY_PUBLICATION("xl.party.publication");

    private final String objectType;

    RecordType(String objectType) {
      this.objectType = objectType;
    }

    static RecordType of(String objectType) {
      for (RecordType type : values()) {
        if (type.objectType.equals(objectType)) {
          return type;
        }
      }
      return null;
    }
  }

  private void collect(Batch batch, Pending p) {
    RecordType type = RecordType.of(p.key().objectType());
    List<String> attributes = p.key().attributes();
    if (p.delete() || p.value() == null || p.value().length == 0) {
      // The contracts never delete these records; should one ever be, its row goes too.
      switch (type) {
        case GRID_EVENT -> {
          batch.delete("gov_grid_step", List.of("event_id"), attributes.getLast());
          batch.delete("gov_grid_event", List.of("event_id"), attributes.getLast());
        }
        case PARTY_RULES ->
            batch.delete(
                "gov_party_rules",
                List.of("county", "version"),
                attributes.getFirst() + "000000",
                Integer.parseInt(attributes.getLast()));
        case PARTY_ORG -> batch.delete("gov_party_org", List.of("org_id"), attributes.getLast());
        case PARTY_MEMBER ->
            batch.delete("gov_party_member", List.of("member_id"), attributes.getLast());
        case PARTY_MEETING ->
            batch.delete("gov_party_meeting", List.of("meeting_id"), attributes.getLast());
        case PARTY_DUES ->
            batch.delete(
                "gov_party_dues",
                List.of("member_id", "dues_month"),
                attributes.getFirst(),
                attributes.getLast());
        case PARTY_PUBLICATION ->
            batch.delete("gov_party_publication", List.of("publication_id"), attributes.getLast());
        case GRID_CATALOGUE -> {}
      }
      return;
    }
    String json = new String(p.value(), StandardCharsets.UTF_8);
    String sha = BlockProjector.sha256(p.value());
    switch (type) {
      case GRID_EVENT -> gridEvent(batch, CanonicalJson.fromState(p.value(), GridEvent.class), p);
      case GRID_CATALOGUE -> {
        GridCatalogue catalogue = CanonicalJson.fromState(p.value(), GridCatalogue.class);
        for (Department d : catalogue.departments()) {
          batch.upsert(
              "gov_grid_department",
              List.of("department_id"),
              row(
                  "department_id", d.departmentId(),
                  "name", d.name(),
                  "region", d.region().code(),
                  "tx_id", p.txId(),
                  "block_number", p.block()));
        }
      }
      case PARTY_RULES -> {
        PartyRules rules = CanonicalJson.fromState(p.value(), PartyRules.class);
        batch.upsert(
            "gov_party_rules",
            List.of("county", "version"),
            withLedger(
                row(
                    "county", rules.county().code(),
                    "version", rules.version(),
                    "effective_from", rules.effectiveFrom().toString()),
                p,
                sha,
                json));
      }
      case PARTY_ORG -> {
        Organisation org = CanonicalJson.fromState(p.value(), Organisation.class);
        batch.upsert(
            "gov_party_org",
            List.of("org_id"),
            withLedger(
                row(
                    "org_id", org.orgId(),
                    "kind", org.kind().name(),
                    "name", org.name(),
                    "region", org.region().code(),
                    "township", org.region().township9() + "000",
                    "parent_id", org.parentId(),
                    "established_on", org.establishedOn().toString()),
                p,
                sha,
                json));
      }
      case PARTY_MEMBER -> {
        Member member = CanonicalJson.fromState(p.value(), Member.class);
        batch.upsert(
            "gov_party_member",
            List.of("member_id"),
            withLedger(
                row(
                    "member_id", member.memberId(),
                    "org_id", member.orgId(),
                    "region", member.region().code(),
                    "stage", member.stage().name()),
                p,
                sha,
                json));
      }
      case PARTY_MEETING -> {
        Meeting meeting = CanonicalJson.fromState(p.value(), Meeting.class);
        batch.upsert(
            "gov_party_meeting",
            List.of("meeting_id"),
            withLedger(
                row(
                    "meeting_id", meeting.meetingId(),
                    "org_id", meeting.orgId(),
                    "meeting_type", meeting.type().name(),
                    "meeting_date", meeting.date().toString(),
                    "topic", meeting.topic(),
                    "present_count", meeting.presentCount(),
                    "absent_count", meeting.absentCount()),
                p,
                sha,
                json));
      }
      case PARTY_DUES -> {
        Dues dues = CanonicalJson.fromState(p.value(), Dues.class);
        batch.upsert(
            "gov_party_dues",
            List.of("member_id", "dues_month"),
            withLedger(
                row(
                    "member_id", dues.memberId(),
                    "dues_month", dues.month(),
                    "org_id", dues.orgId(),
                    "amount_fen", dues.amountFen(),
                    "paid_on", dues.paidOn().toString(),
                    "on_time", dues.onTime()),
                p,
                sha,
                json));
      }
      case PARTY_PUBLICATION -> {
        Publication item = CanonicalJson.fromState(p.value(), Publication.class);
        batch.upsert(
            "gov_party_publication",
            List.of("publication_id"),
            withLedger(
                row(
                    "publication_id", item.publicationId(),
                    "org_id", item.orgId(),
                    "region", item.region().code(),
                    "scope", item.scope().name(),
                    "category", item.category().name(),
                    "title", item.title(),
                    "content_sha256", item.contentSha256(),
                    "status", item.status().name(),
                    "reviewed_at", time(item.reviewedAt())),
                p,
                sha,
                json));
      }
    }
  }

  private static void gridEvent(Batch batch, GridEvent event, Pending p) {
    Long handled = null;
    Long closed = null;
    int late = 0;
    for (Step step : event.steps()) {
      // As GridSla: the first 处置 step, the last 结案 step.
      if (handled == null && step.action() == StepAction.HANDLE) {
        handled = step.at().toEpochSecond();
      } else if (step.action() == StepAction.CLOSE) {
        closed = step.at().toEpochSecond();
      }
      if (step.late()) {
        late++;
      }
    }
    batch.upsert(
        "gov_grid_event",
        List.of("event_id"),
        withLedger(
            row(
                "event_id", event.eventId(),
                "category", event.category(),
                "grid_id", event.gridId(),
                "village", event.region().village12(),
                "township", event.region().township9() + "000",
                "department_id", event.departmentId(),
                "status", event.status().name(),
                "title", event.title(),
                "reported_at", time(event.reportedAt()),
                "reported_epoch", event.reportedAt().toEpochSecond(),
                "due_at", time(event.dueAt()),
                "due_epoch", event.dueAt().toEpochSecond(),
                "handled_epoch", handled,
                "closed_epoch", closed,
                "escalation_level", event.escalationLevel(),
                "late_steps", late,
                "rating", event.rating()),
            p,
            BlockProjector.sha256(p.value()),
            new String(p.value(), StandardCharsets.UTF_8)));
    batch.delete("gov_grid_step", List.of("event_id"), event.eventId());
    List<Step> steps = event.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      batch.insert(
          "gov_grid_step",
          row(
              "event_id", event.eventId(),
              "seq", i + 1,
              "action", step.action().name(),
              "from_status", step.from() == null ? null : step.from().name(),
              "to_status", step.to().name(),
              "actor", step.by(),
              "actor_role", step.role() == null ? null : step.role().name(),
              "at_time", time(step.at()),
              "recorded_at", time(step.recordedAt()),
              "step_tx_id", step.txId(),
              "department_id", step.departmentId(),
              "late", step.late()));
    }
  }

  private static String time(OffsetDateTime time) {
    return time == null ? null : TraceLedger.format(time);
  }

  /** Column → value pairs, in order (values may be null). */
  private static Map<String, Object> row(Object... pairs) {
    var row = new LinkedHashMap<String, Object>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }

  private static Map<String, Object> withLedger(
      Map<String, Object> row, Pending p, String sha, String json) {
    row.put("tx_id", p.txId());
    row.put("block_number", p.block());
    row.put("value_sha256", sha);
    row.put("value_json", json);
    return row;
  }

  /**
   * The block's statements, grouped so each runs as one JDBC batch: deletes first (an upsert is a
   * delete by key and an insert), then inserts, both in table order.
   */
  private static final class Batch {
    private final Map<String, List<Object[]>> deletes = new LinkedHashMap<>();
    private final Map<String, List<Object[]>> inserts = new LinkedHashMap<>();

    void delete(String table, List<String> keyColumns, Object... keys) {
      deletes
          .computeIfAbsent(
              "delete from " + table + " where " + String.join(" = ? and ", keyColumns) + " = ?",
              s -> new ArrayList<>())
          .add(keys);
    }

    void upsert(String table, List<String> keyColumns, Map<String, Object> row) {
      delete(table, keyColumns, keyColumns.stream().map(row::get).toArray());
      insert(table, row);
    }

    void insert(String table, Map<String, Object> row) {
      inserts
          .computeIfAbsent(
              "insert into "
                  + table
                  + " ("
                  + String.join(", ", row.keySet())
                  + ") values ("
                  + String.join(", ", java.util.Collections.nCopies(row.size(), "?"))
                  + ")",
              s -> new ArrayList<>())
          .add(row.values().toArray());
    }

    void flush(JdbcTemplate jdbc) {
      deletes.forEach(jdbc::batchUpdate);
      inserts.forEach(jdbc::batchUpdate);
    }
  }
}
