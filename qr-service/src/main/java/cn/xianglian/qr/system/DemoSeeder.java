package cn.xianglian.qr.system;

import cn.xianglian.ledger.Identity;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.embedded.EmbeddedCa;
import cn.xianglian.qr.Caller;
import cn.xianglian.qr.digitallink.CodeLevel;
import cn.xianglian.qr.issuance.CodeRun;
import cn.xianglian.qr.issuance.Containment;
import cn.xianglian.qr.issuance.IssuanceService;
import cn.xianglian.qr.issuance.IssueRequest;
import cn.xianglian.qr.signing.CodeSigner;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * {@code xl.qr.demo=true} on the embedded ledger: a 息烽 producer, a batch of 息烽贡米 with harvest,
 * inspection and 合格证, a second batch that a regulator recalls, and their code runs (items and
 * cases) issued on the ledger by the producer before the recall. Ledger writes happen once (skipped
 * when the batch exists). Demo users (password {@value #PASSWORD}, demo only): {@code demo-farmer}
 * (producer owning the batches), {@code demo-labeler} (labeler of the county), {@code
 * demo-regulator}, {@code demo-admin} (key rotation).
 */
final class DemoSeeder implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
  static final String VILLAGE = "520122100201";
  static final String COUNTY = "520122000000";
  static final String GTIN = "06901234567892";
  static final String PASSWORD = "Xifeng-2026";

  private final LedgerClient ledger;
  private final EmbeddedCa ca;
  private final IssuanceService issuance;
  private final IssuerKeys keys;
  private final Users users;
  private final Wallet wallet;
  private final QrProperties properties;

  DemoSeeder(
      LedgerClient ledger,
      EmbeddedCa ca,
      IssuanceService issuance,
      IssuerKeys keys,
      Users users,
      Wallet wallet,
      QrProperties properties) {
    this.ledger = ledger;
    this.ca = ca;
    this.issuance = issuance;
    this.keys = keys;
    this.users = users;
    this.wallet = wallet;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    Identity farmer =
        user("demo-farmer", "永靖镇青山家庭农场", "CoopOrgMSP", "producer", VILLAGE, "P-DEMO-1");
    Identity regulator =
        user("demo-regulator", "息烽县农业农村局", "CountyOrgMSP", "regulator", COUNTY, "AGRI");
    user("demo-labeler", "息烽县赋码中心", "CountyOrgMSP", "labeler", COUNTY, "QR-CENTRE");
    user("demo-admin", "赋码服务管理员", "CountyOrgMSP", "admin", COUNTY, "QR-ADMIN");
    Caller producer =
        new Caller("demo-farmer", farmer.label(), farmer.mspId(), "producer", VILLAGE, "P-DEMO-1");
    if (!exists(farmer, "XF-DEMO-0001")) {
      writeLedger(farmer);
      issue(producer, "DEMO-U1", "XF-DEMO-0001", CodeLevel.ITEM, 120, null);
      issue(
          producer, "DEMO-C1", "XF-DEMO-0001", CodeLevel.CASE, 10, new Containment("DEMO-U1", 12));
      issue(producer, "DEMO-U2", "XF-DEMO-0002", CodeLevel.ITEM, 20, null);
      recall(regulator);
    }
    CodeRun items = issuance.authorisedRun("DEMO-U1", producer);
    CodeRun recalled = issuance.authorisedRun("DEMO-U2", producer);
    LOG.info("demo code: {}", uri(items));
    LOG.info("demo code of a recalled batch: {}", uri(recalled));
  }

  private CodeRun issue(
      Caller caller, String runId, String batchId, CodeLevel level, long count, Containment c) {
    return issuance.issue(new IssueRequest(runId, batchId, null, level, 1L, count, c), caller);
  }

  /** A demo user with its wallet identity (enrolled once, kept in the wallet). */
  private Identity user(
      String name, String displayName, String msp, String role, String region, String party) {
    Identity identity =
        wallet
            .find(name)
            .orElseGet(
                () -> {
                  Identity enrolled =
                      ca.enroll(
                          name,
                          msp,
                          Map.of("xl.role", role, "xl.region", region, "xl.party", party));
                  wallet.put(enrolled);
                  return enrolled;
                });
    if (users.authenticate(name, PASSWORD).isEmpty()) {
      users.put(name, PASSWORD, name, displayName);
    }
    return identity;
  }

  private String uri(CodeRun run) {
    return CodeSigner.sign(keys.ring(), run.keyId(), run.link(0)).uri(properties.resolverBase());
  }

  private boolean exists(Identity who, String batchId) {
    try {
      ledger.evaluate(who, Proposal.of("trace", "getBatch", batchId));
      return true;
    } catch (LedgerException e) {
      return false;
    }
  }

  private void writeLedger(Identity farmer) {
    submit(
        farmer,
        "registerProducer",
        """
        {"producerId":"P-DEMO-1","type":"FAMILY_FARM","name":"永靖镇青山家庭农场","region":"%s"}"""
            .formatted(VILLAGE));
    for (String batchId : new String[] {"XF-DEMO-0001", "XF-DEMO-0002"}) {
      submit(
          farmer,
          "createBatch",
          """
          {"batchId":"%s","producerId":"P-DEMO-1",\
          "product":{"gtin":"%s","name":"息烽贡米","category":"GRAIN"},\
          "quantity":{"amount":1200,"uom":"KGM"},\
          "origin":{"region":"%s","site":"永靖镇青山村 田块 A-01"},\
          "productionType":"PLANTING","producedAt":"2026-09-20T08:00:00+08:00"}"""
              .formatted(batchId, GTIN, VILLAGE));
    }
    submit(
        farmer,
        "recordEvent",
        """
        {"eventId":"E-DEMO-1","batchId":"XF-DEMO-0001","bizStep":"xl:harvesting",\
        "eventTime":"2026-09-25T09:00:00+08:00",\
        "readPoint":{"region":"%s","site":"永靖镇青山村 田块 A-01"},"detail":{"note":"机械收割，晾晒三天"}}"""
            .formatted(VILLAGE));
    submit(
        farmer,
        "recordEvent",
        """
        {"eventId":"E-DEMO-2","batchId":"XF-DEMO-0001","bizStep":"inspecting",\
        "eventTime":"2026-09-28T10:00:00+08:00",\
        "readPoint":{"region":"%s","site":"息烽县农产品质量安全检测站"},\
        "detail":{"inspection":{"lab":"息烽县农产品质量安全检测站","method":"GB 2763-2021",\
        "items":[{"name":"毒死蜱","value":"0.01","limit":"0.5","unit":"mg/kg","result":"PASS"}],\
        "result":"PASS","reportSha256":"%s"}}}"""
            .formatted(VILLAGE, "ab".repeat(32)));
    submit(
        farmer,
        "issueCertificate",
        """
        {"certificateNo":"HG-DEMO-0001","batchId":"XF-DEMO-0001","style":"PRODUCER",\
        "basis":"SELF_TEST","promises":["NO_BANNED_PESTICIDES_OR_VET_DRUGS"],\
        "quantity":{"amount":1200,"uom":"KGM"},"issuedAt":"2026-09-29T09:00:00+08:00"}""");
  }

  /** The second batch is recalled after its codes were printed (no new codes afterwards). */
  private void recall(Identity regulator) {
    submit(
        regulator,
        "recallBatch",
        """
        {"recallId":"RC-DEMO-1","batchId":"XF-DEMO-0002","reason":"抽检镉含量超标",\
        "level":"I","issuedAt":"2026-10-08T09:00:00+08:00"}""");
  }

  private void submit(Identity who, String transaction, String json) {
    ledger.submit(who, Proposal.of("trace", transaction, json));
  }
}
