package cn.xianglian.chaincode.grid;

import cn.xianglian.chaincode.common.CanonicalJson;
import cn.xianglian.chaincode.common.KeyCodec;
import cn.xianglian.chaincode.common.LedgerState;
import cn.xianglian.chaincode.common.ObjectType;
import cn.xianglian.chaincode.domain.ChinaTime;
import cn.xianglian.chaincode.domain.RegionCode;
import cn.xianglian.chaincode.domain.Tx;
import cn.xianglian.chaincode.grid.domain.Grid;
import cn.xianglian.chaincode.grid.domain.GridCatalogue;
import cn.xianglian.chaincode.grid.domain.GridEvent;
import cn.xianglian.chaincode.grid.domain.GridWorker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hyperledger.fabric.shim.ChaincodeStub;

/** The grid contract's state: records, indexes, personal data and events, by typed keys only. */
final class GridStore {

  /** Private data collection of personal data (shared with trace and finance). */
  static final String PERSONAL_COLLECTION = "xlPersonalData";

  private static final int VERSION_WIDTH = 4;

  private final ChaincodeStub stub;
  private final LedgerState state;

  GridStore(ChaincodeStub stub) {
    this.stub = stub;
    this.state = new LedgerState(stub);
  }

  LedgerState state() {
    return state;
  }

  Tx tx() {
    return new Tx(stub.getTxId(), ChinaTime.of(stub.getTxTimestamp()));
  }

  // ---- reads --------------------------------------------------------------------------------

  Optional<Grid> grid(String gridId) {
    return state.read(KeyCodec.key(ObjectType.GRID, gridId), Grid.class);
  }

  Optional<GridWorker> worker(String workerId) {
    return state.read(KeyCodec.key(ObjectType.GRID_WORKER, workerId), GridWorker.class);
  }

  Optional<GridEvent> event(String eventId) {
    return state.read(KeyCodec.key(ObjectType.GRID_EVENT, eventId), GridEvent.class);
  }

  Optional<GridCatalogue> catalogue(String county6, int version) {
    return state.read(
        KeyCodec.key(ObjectType.GRID_CATALOGUE, county6, version(version)), GridCatalogue.class);
  }

  /** The county's newest catalogue version. */
  Optional<GridCatalogue> latestCatalogue(String county6) {
    List<LedgerState.Entry> versions = state.list(ObjectType.GRID_CATALOGUE, county6);
    return versions.isEmpty()
        ? Optional.empty()
        : Optional.of(
            CanonicalJson.fromState(
                versions.get(versions.size() - 1).value(), GridCatalogue.class));
  }

  List<Grid> grids(String... regionLeading) {
    List<Grid> grids = new ArrayList<>();
    for (LedgerState.Entry entry : state.list(ObjectType.GRID_BY_REGION, regionLeading)) {
      grids.add(grid(entry.key().id()).orElseThrow(() -> missing("grid", entry)));
    }
    return grids;
  }

  /** Workers whose current grid is {@code gridId}. */
  List<GridWorker> workersOf(String gridId) {
    List<GridWorker> workers = new ArrayList<>();
    for (LedgerState.Entry entry : state.list(ObjectType.GRID_WORKER_BY_GRID, gridId)) {
      worker(entry.key().id()).filter(w -> w.gridId().equals(gridId)).ifPresent(workers::add);
    }
    return workers;
  }

  /** A page of the event index of {@code type} under {@code leading}, with the events it names. */
  EventPage events(ObjectType type, int pageSize, String bookmark, String... leading) {
    LedgerState.Page page = state.page(type, pageSize, bookmark, leading);
    List<GridEvent> events = new ArrayList<>();
    for (LedgerState.Entry entry : page.entries()) {
      events.add(event(entry.key().id()).orElseThrow(() -> missing("event", entry)));
    }
    return new EventPage(events, page.bookmark());
  }

  /** Every event of a region scope, at most {@code limit} (+1 to tell that there are more). */
  List<GridEvent> eventsIn(int limit, String... regionLeading) {
    List<GridEvent> events = new ArrayList<>();
    for (LedgerState.Entry entry : state.list(ObjectType.GRID_EVENT_BY_REGION, regionLeading)) {
      events.add(event(entry.key().id()).orElseThrow(() -> missing("event", entry)));
      if (events.size() > limit) {
        break;
      }
    }
    return events;
  }

  record EventPage(List<GridEvent> events, String bookmark) {}

  // ---- writes -------------------------------------------------------------------------------

  void write(GridCatalogue catalogue) {
    state.write(
        KeyCodec.key(
            ObjectType.GRID_CATALOGUE, catalogue.county().county6(), version(catalogue.version())),
        catalogue);
  }

  void write(Grid grid) {
    state.write(KeyCodec.key(ObjectType.GRID, grid.gridId()), grid);
    state.writeIndex(
        KeyCodec.key(ObjectType.GRID_BY_REGION, regionAttributes(grid.region(), grid.gridId())));
  }

  void write(GridWorker worker) {
    state.write(KeyCodec.key(ObjectType.GRID_WORKER, worker.workerId()), worker);
    state.writeIndex(
        KeyCodec.key(ObjectType.GRID_WORKER_BY_GRID, worker.gridId(), worker.workerId()));
  }

  /** Writes the event; {@code isNew} adds it to the region index, a department to its index. */
  void write(GridEvent event, boolean isNew, boolean newDepartment) {
    state.write(KeyCodec.key(ObjectType.GRID_EVENT, event.eventId()), event);
    if (isNew) {
      String[] region = regionAttributes(event.region(), event.gridId());
      String[] attributes = new String[region.length + 1];
      System.arraycopy(region, 0, attributes, 0, region.length);
      attributes[region.length] = event.eventId();
      state.writeIndex(KeyCodec.key(ObjectType.GRID_EVENT_BY_REGION, attributes));
    }
    if (newDepartment) {
      state.writeIndex(
          KeyCodec.key(ObjectType.GRID_EVENT_BY_DEPARTMENT, event.departmentId(), event.eventId()));
    }
  }

  void writePersonal(ObjectType type, String id, Object personal, String saltHex) {
    state.writePrivate(
        PERSONAL_COLLECTION,
        KeyCodec.key(type, id),
        CanonicalJson.bytes(Map.of("personal", personal, "salt", saltHex)));
  }

  void event(String name, String type, String id, String status) {
    state.event(name, Map.of("type", type, "id", id, "status", status));
  }

  /** The region-index attributes of a region scope (6, 9 or 12 digits). */
  static String[] scopeAttributes(String scope) {
    return switch (scope.length()) {
      case 6 -> new String[] {scope};
      case 9 -> new String[] {scope.substring(0, 6), scope};
      default -> new String[] {scope.substring(0, 6), scope.substring(0, 9), scope};
    };
  }

  private static String[] regionAttributes(RegionCode region, String gridId) {
    return new String[] {region.county6(), region.township9(), region.village12(), gridId};
  }

  static String version(int version) {
    String digits = Integer.toString(version);
    return "0".repeat(VERSION_WIDTH - digits.length()) + digits;
  }

  private static IllegalStateException missing(String what, LedgerState.Entry entry) {
    return new IllegalStateException("index names a missing " + what + " " + entry.key());
  }
}
