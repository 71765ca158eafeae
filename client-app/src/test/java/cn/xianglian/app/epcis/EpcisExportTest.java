package cn.xianglian.app.epcis;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.xianglian.app.WebSlice;
import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.ledger.LedgerClient;
import cn.xianglian.ledger.LedgerException;
import cn.xianglian.ledger.Proposal;
import cn.xianglian.ledger.TransactionInfo;
import cn.xianglian.ledger.ValidationCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(EpcisController.class)
@Import(WebSlice.class)
@TestPropertySource(properties = "xl.data.dir=target/test-data/web-slice")
@DisplayName("The EPCIS 2.0 export of a batch")
class EpcisExportTest {

  private static final String PARENT =
      """
      {"batchId":"GM-1","product":{"gtin":"06920123000012","name":"息烽贡米","category":"粮食"},
       "quantity":{"amount":1500,"uom":"KGM"},"status":"ACTIVE","createdTxId":"tx-0",
       "children":["GM-1-A"],"parents":[]}""";

  private static final String CHILD =
      """
      {"batchId":"GM-1-A","product":{"code":"XL-GONGMI","name":"贡米小包装","category":"粮食"},
       "quantity":{"amount":2000,"uom":"KGM"},"status":"ACTIVE","createdTxId":"tx-2",
       "parents":["GM-1"],"children":[]}""";

  private static final String EVENTS =
      """
      [{"eventId":"GM-1-C","batchId":"GM-1","seq":0,"type":"ObjectEvent","action":"ADD",
        "bizStep":"commissioning","disposition":"active","eventTime":"2026-04-20T08:00:00+08:00",
        "readPoint":{"region":"520122100000","site":"大寨村 3号田"},"quantity":{"amount":5000,"uom":"KGM"},
        "recorder":"CoopOrgMSP/P-1","recorderMsp":"CoopOrgMSP","txId":"tx-0"},
       {"eventId":"GM-1-E1","batchId":"GM-1","seq":1,"type":"ObjectEvent","action":"OBSERVE",
        "bizStep":"xl:pesticide_applying","eventTime":"2026-07-05T08:30:00+08:00",
        "readPoint":{"region":"520122100000","site":"大寨村 3号田"},
        "bizLocation":{"region":"520122100000","site":"禾丰合作社"},
        "detail":{"input":{"category":"PESTICIDE","productName":"氯虫苯甲酰胺","registrationNo":"PD20110596",
          "dose":{"amount":600,"uom":"GRM"},"appliedOn":"2026-07-05","safeIntervalDays":21}},
        "recorder":"CoopOrgMSP/P-1","recorderMsp":"CoopOrgMSP","txId":"tx-1"},
       {"eventId":"GM-1-SP","batchId":"GM-1","seq":2,"type":"TransformationEvent","action":"ADD",
        "bizStep":"transforming","eventTime":"2026-10-09T09:00:00+08:00",
        "readPoint":{"region":"520122100000","site":"仓库"},
        "inputs":[{"batchId":"GM-1","quantity":{"amount":2000,"uom":"KGM"}}],
        "outputs":[{"batchId":"GM-1-A","quantity":{"amount":2000,"uom":"KGM"}}],
        "recorder":"CoopOrgMSP/P-1","recorderMsp":"CoopOrgMSP","txId":"tx-2"}]""";

  @Autowired MockMvc mvc;
  @MockitoBean LedgerClient ledger;
  @MockitoBean CallerIdentities callers;

  @BeforeEach
  void ledgerHolds() {
    when(callers.reader()).thenReturn(WebSlice.READER);
    when(ledger.evaluate(any(), any()))
        .thenAnswer(
            call -> {
              Proposal proposal = call.getArgument(1);
              String id = proposal.arguments().getFirst();
              String json =
                  switch (proposal.transaction() + " " + id) {
                    case "getBatch GM-1" -> PARENT;
                    case "getBatch GM-1-A" -> CHILD;
                    case "getBatchEvents GM-1" -> EVENTS;
                    default ->
                        throw new LedgerException(
                            LedgerException.Stage.EVALUATE,
                            "BATCH_NOT_FOUND",
                            "BATCH_NOT_FOUND: " + id,
                            null,
                            null);
                  };
              return json.getBytes(StandardCharsets.UTF_8);
            });
    for (int block = 0; block < 3; block++) {
      String txId = "tx-" + block;
      when(ledger.transaction(txId))
          .thenReturn(
              Optional.of(
                  new TransactionInfo(
                      txId,
                      block + 1,
                      0,
                      ValidationCode.VALID,
                      "CoopOrgMSP",
                      Instant.parse("2026-10-09T01:00:00Z"),
                      "trace:x")));
    }
  }

  @Test
  @DisplayName(
      "is an EPCISDocument with the GS1 context, the xl prefix, schema 2.0 and a creation date")
  void document() throws Exception {
    mvc.perform(get("/api/v1/batches/GM-1/epcis"))
        .andExpect(status().isOk())
        .andExpect(
            content().contentTypeCompatibleWith(MediaType.parseMediaType("application/ld+json")))
        .andExpect(
            jsonPath("$['@context'][0]")
                .value("https://ref.gs1.org/standards/epcis/epcis-context.jsonld"))
        .andExpect(jsonPath("$['@context'][1].xl").value("https://xianglian.cn/epcis/"))
        .andExpect(jsonPath("$.type").value("EPCISDocument"))
        .andExpect(jsonPath("$.schemaVersion").value("2.0"))
        .andExpect(
            jsonPath("$.creationDate")
                .value(
                    Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00")))
        .andExpect(jsonPath("$.epcisBody.eventList.length()").value(3));
  }

  @Test
  @DisplayName("commissioning is an ObjectEvent ADD with a GS1 Digital Link class and its quantity")
  void commissioning() throws Exception {
    mvc.perform(get("/api/v1/batches/GM-1/epcis"))
        .andExpect(jsonPath("$.epcisBody.eventList[0].type").value("ObjectEvent"))
        .andExpect(jsonPath("$.epcisBody.eventList[0].action").value("ADD"))
        .andExpect(
            jsonPath("$.epcisBody.eventList[0].eventTime").value("2026-04-20T08:00:00+08:00"))
        .andExpect(jsonPath("$.epcisBody.eventList[0].eventTimeZoneOffset").value("+08:00"))
        .andExpect(
            jsonPath("$.epcisBody.eventList[0].eventID")
                .value("https://xianglian.cn/epcis/event/GM-1-C"))
        .andExpect(jsonPath("$.epcisBody.eventList[0].bizStep").value("commissioning"))
        .andExpect(jsonPath("$.epcisBody.eventList[0].disposition").value("active"))
        .andExpect(
            jsonPath("$.epcisBody.eventList[0].readPoint.id")
                .value(
                    "https://xianglian.cn/epcis/loc/520122100000/%E5%A4%A7%E5%AF%A8%E6%9D%91%203%E5%8F%B7%E7%94%B0"))
        .andExpect(
            jsonPath("$.epcisBody.eventList[0].quantityList[0].epcClass")
                .value("https://id.gs1.org/01/06920123000012/10/GM-1"))
        .andExpect(jsonPath("$.epcisBody.eventList[0].quantityList[0].quantity").value(5000))
        .andExpect(jsonPath("$.epcisBody.eventList[0].quantityList[0].uom").value("KGM"))
        .andExpect(jsonPath("$.epcisBody.eventList[0]['xl:txId']").value("tx-0"))
        .andExpect(jsonPath("$.epcisBody.eventList[0]['xl:blockNumber']").value(1))
        .andExpect(jsonPath("$.epcisBody.eventList[0]['xl:signerMsp']").value("CoopOrgMSP"));
  }

  @Test
  @DisplayName(
      "a farm step keeps its xl: bizStep, its bizLocation and its input detail under xl:detail")
  void farmStep() throws Exception {
    mvc.perform(get("/api/v1/batches/GM-1/epcis"))
        .andExpect(jsonPath("$.epcisBody.eventList[1].type").value("ObjectEvent"))
        .andExpect(jsonPath("$.epcisBody.eventList[1].action").value("OBSERVE"))
        .andExpect(jsonPath("$.epcisBody.eventList[1].bizStep").value("xl:pesticide_applying"))
        .andExpect(jsonPath("$.epcisBody.eventList[1].disposition").doesNotExist())
        .andExpect(
            jsonPath("$.epcisBody.eventList[1].bizLocation.id")
                .value(Matchers.startsWith("https://xianglian.cn/epcis/loc/520122100000/")))
        .andExpect(
            jsonPath("$.epcisBody.eventList[1].quantityList[0].epcClass")
                .value("https://id.gs1.org/01/06920123000012/10/GM-1"))
        .andExpect(jsonPath("$.epcisBody.eventList[1].quantityList[0].quantity").doesNotExist())
        .andExpect(
            jsonPath("$.epcisBody.eventList[1]['xl:detail'].input.registrationNo")
                .value("PD20110596"))
        .andExpect(
            jsonPath("$.epcisBody.eventList[1]['xl:detail'].input.safeIntervalDays").value(21));
  }

  @Test
  @DisplayName(
      "a split is a TransformationEvent with input and output quantity lists and no action")
  void split() throws Exception {
    mvc.perform(get("/api/v1/batches/GM-1/epcis"))
        .andExpect(jsonPath("$.epcisBody.eventList[2].type").value("TransformationEvent"))
        .andExpect(jsonPath("$.epcisBody.eventList[2].action").doesNotExist())
        .andExpect(jsonPath("$.epcisBody.eventList[2].quantityList").doesNotExist())
        .andExpect(jsonPath("$.epcisBody.eventList[2].bizStep").value("transforming"))
        .andExpect(
            jsonPath("$.epcisBody.eventList[2].transformationID")
                .value("https://xianglian.cn/epcis/transformation/GM-1-SP"))
        .andExpect(
            jsonPath("$.epcisBody.eventList[2].inputQuantityList[0].epcClass")
                .value("https://id.gs1.org/01/06920123000012/10/GM-1"))
        .andExpect(jsonPath("$.epcisBody.eventList[2].inputQuantityList[0].quantity").value(2000))
        .andExpect(
            jsonPath("$.epcisBody.eventList[2].outputQuantityList[0].epcClass")
                .value("https://xianglian.cn/epcis/class/XL-GONGMI/10/GM-1-A"))
        .andExpect(jsonPath("$.epcisBody.eventList[2].outputQuantityList[0].uom").value("KGM"));
  }

  @Test
  @DisplayName("an unknown batch is 404 BATCH_NOT_FOUND")
  void unknown() throws Exception {
    mvc.perform(get("/api/v1/batches/NOPE/epcis"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("BATCH_NOT_FOUND"));
  }
}
