package cn.xianglian.chaincode.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.xianglian.chaincode.contracttest.GridContractSuite;
import cn.xianglian.chaincode.trace.InMemoryStub;
import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid contract driven directly on an in-memory stub: the keys docs/contract-grid.md names,
 * composite keys only, personal data only in the private collection, nothing written by a
 * rejection.
 */
class GridKeyDisciplineTest {

  @TempDir static Path dir;

  static Identity county;
  static Identity township;
  static Identity village;
  static Identity worker;

  final GridContract grid = new GridContract();
  final InMemoryStub ledger = new InMemoryStub();

  @BeforeAll
  static void enroll() {
    EmbeddedCa ca = EmbeddedCa.open(dir);
    county = person(ca, "county", "county", "520122000000", "XF");
    township = person(ca, "township", "township", "520122100000", "YJ");
    village = person(ca, "village", "village", "520122100201", "V-201");
    worker = person(ca, "worker", "grid_worker", "520122100201", "W-1");
  }

  static Identity person(EmbeddedCa ca, String label, String role, String region, String party) {
    return ca.enroll(
        label, "CountyOrgMSP", Map.of("xl.role", role, "xl.region", region, "xl.party", party));
  }

  String run(
      Identity caller,
      BiFunction<Context, String, String> tx,
      String argument,
      Map<String, byte[]> transientData) {
    String result = tx.apply(new Context(ledger.call(caller, transientData)), argument);
    ledger.commit();
    return result;
  }

  static String key(String... parts) {
    return "\u0000" + String.join("\u0000", parts) + "\u0000";
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("grid, worker and event records and indexes under the documented keys only")
  void keys() {
    run(county, grid::defineCatalogue, GridContractSuite.catalogueJson(1), Map.of());
    assertThat(ledger.state()).containsKey(key("xl.grid.catalogue", "520122", "0001"));

    String gridJson = "{\"gridId\":\"G-1\",\"name\":\"一组网格\",\"region\":\"520122100201\"}";
    String stored = run(township, grid::registerGrid, gridJson, Map.of());
    assertThat(text(ledger.state().get(key("xl.grid.grid", "G-1")))).isEqualTo(stored);
    assertThat(
            ledger
                .state()
                .get(key("xl.grid.idx.gridByRegion", "520122", "520122100", "520122100201", "G-1")))
        .containsExactly(0);

    run(
        township,
        grid::registerWorker,
        "{\"gridId\":\"G-1\",\"mspId\":\"CountyOrgMSP\",\"workerId\":\"W-1\"}",
        Map.of(
            "personal",
            "{\"name\":\"王网格\",\"phone\":\"13800000000\",\"idNumber\":\"11010519491231002X\"}"
                .getBytes(StandardCharsets.UTF_8),
            "personal.salt",
            "0123456789abcdef0123".getBytes(StandardCharsets.UTF_8)));
    assertThat(text(ledger.state().get(key("xl.grid.worker", "W-1"))))
        .doesNotContain("王网格")
        .contains("\"personalHash\":\"");
    assertThat(ledger.state()).containsKey(key("xl.grid.idx.workerByGrid", "G-1", "W-1"));
    assertThat(text(ledger.privateData().get(key("xl.grid.workerPersonal", "W-1"))))
        .contains("王网格");

    String event =
        run(
            worker,
            grid::reportEvent,
            "{\"category\":\"SANITATION\",\"eventId\":\"E-1\",\"gridId\":\"G-1\",\"title\":\"垃圾\"}",
            Map.of());
    assertThat(ledger.eventName()).isEqualTo("GridEventChanged");
    assertThat(text(ledger.state().get(key("xl.grid.event", "E-1")))).isEqualTo(event);
    assertThat(event).startsWith("{\"catalogueVersion\":1,\"category\":\"SANITATION\",");
    assertThat(ledger.state())
        .containsKey(
            key("xl.grid.idx.eventByRegion", "520122", "520122100", "520122100201", "G-1", "E-1"));

    run(village, grid::acceptEvent, "{\"eventId\":\"E-1\"}", Map.of());
    run(village, grid::dispatchEvent, "{\"eventId\":\"E-1\"}", Map.of());
    assertThat(ledger.state()).containsKey(key("xl.grid.idx.eventByDepartment", "D-YJ-ENV", "E-1"));

    int before = ledger.state().size();
    byte[] dispatched = ledger.state().get(key("xl.grid.event", "E-1"));
    ChaincodeException rejected =
        catchThrowableOfType(
            ChaincodeException.class,
            () ->
                grid.closeEvent(
                    new Context(ledger.call(village, Map.of())), "{\"eventId\":\"E-1\"}"));
    assertThat(rejected.getMessage()).startsWith("INVALID_STATE: ");
    assertThat(text(rejected.getPayload())).startsWith("{\"code\":\"INVALID_STATE\",");
    assertThat(ledger.pendingWrites()).isZero();
    assertThat(ledger.state().size()).isEqualTo(before);
    assertThat(ledger.state().get(key("xl.grid.event", "E-1"))).isEqualTo(dispatched);
    assertThat(ledger.keysSeen()).isNotEmpty().allMatch(k -> k.startsWith("\u0000"));
  }
}
