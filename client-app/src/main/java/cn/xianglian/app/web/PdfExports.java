package cn.xianglian.app.web;

import cn.xianglian.app.identity.CallerIdentities;
import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.ledger.LedgerException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * PDF exports with charts: a village's monthly disclosure (spending by account, the month's posted
 * vouchers and its publications with their ledger transactions), public like the disclosure page
 * and for the village committee; and the audit report of the user's region (per-village figures,
 * the on-time rate of disclosures per township as a chart, the anomalies with their vouchers), for
 * oversight users. Every figure comes from the projection; account names from the county's chart on
 * the ledger.
 */
@Controller
class PdfExports {

  private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

  private final JdbcTemplate jdbc;
  private final PageUsers users;
  private final FinanceQueries queries;
  private final AccessLog log;
  private final TraceLedger ledger;
  private final CallerIdentities callers;

  PdfExports(
      JdbcTemplate jdbc,
      PageUsers users,
      FinanceQueries queries,
      AccessLog log,
      TraceLedger ledger,
      CallerIdentities callers) {
    this.jdbc = jdbc;
    this.users = users;
    this.queries = queries;
    this.log = log;
    this.ledger = ledger;
    this.callers = callers;
  }

  @GetMapping("/public/villages/{village}/disclosure.pdf")
  ResponseEntity<byte[]> publicDisclosure(
      @PathVariable String village, @RequestParam String period) {
    if (!village.matches("\\d{12}") || !queries.knows(village)) {
      throw new PageException(HttpStatus.NOT_FOUND, "page.notFound");
    }
    log.read(
        CallerIdentities.currentUser().orElse(null), "/public/disclosure.pdf", "village", village);
    return pdf("disclosure-" + village + "-" + period + ".pdf", disclosure(village, period));
  }

  @GetMapping("/web/village/disclosure.pdf")
  ResponseEntity<byte[]> villageDisclosure(@RequestParam String period) {
    PageUser user = users.require();
    if (!"village".equals(user.role()) || user.region() == null) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
    log.read(user.username(), "/web/village/disclosure.pdf", "village", user.region());
    return pdf(
        "disclosure-" + user.region() + "-" + period + ".pdf", disclosure(user.region(), period));
  }

  @GetMapping("/web/finance/audit-report.pdf")
  ResponseEntity<byte[]> auditReport() {
    PageUser user = users.require();
    if (!user.countyOversight() && !"township".equals(user.role())) {
      throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
    }
    log.read(user.username(), "/web/finance/audit-report.pdf", "region", user.scope());
    return pdf("audit-report-" + user.scope() + ".pdf", auditReport(user));
  }

  private byte[] disclosure(String village, String period) {
    if (!period.matches(MONTH)) {
      throw new PageException(HttpStatus.NOT_FOUND, "page.notFound");
    }
    Map<String, String> names = accountNames();
    try (var pdf = new PdfReport("村务财务公开 " + village + " " + period)) {
      pdf.title("村集体财务月度公开 · " + village + " · " + period);
      pdf.text("数据来自乡链账本的投影；每张凭证和每项公开都附有其账本交易编号，可在公开页面逐条核验。");
      pdf.heading("一、本月支出（按会计科目）");
      var spending = new ArrayList<PdfReport.Bar>();
      jdbc.query(
          "select substring(l.account, 1, 3), sum(l.debit_fen) - sum(l.credit_fen)"
              + " from fin_voucher_line l join fin_voucher v on v.voucher_id = l.voucher_id"
              + " where v.village = ? and v.period = ? and v.status = 'POSTED'"
              + " and (l.account like '51%' or l.account like '52%' or l.account like '40%')"
              + " group by substring(l.account, 1, 3) order by 1",
          rs -> {
            String code = rs.getString(1);
            long fen = rs.getLong(2);
            spending.add(
                new PdfReport.Bar(
                    code + " " + names.getOrDefault(code, ""), fen / 100.0, yuan(fen) + " 元"));
          },
          village,
          period);
      pdf.bars(spending);
      pdf.heading("二、本月已记账凭证");
      var rows = new ArrayList<List<String>>();
      jdbc.query(
          "select v.voucher_id, v.voucher_date, v.summary, v.total_fen, s.tx_id"
              + " from fin_voucher v left join fin_voucher_step s on s.voucher_id = v.voucher_id"
              + " and s.status = 'POSTED' where v.village = ? and v.period = ?"
              + " and v.status = 'POSTED' order by v.voucher_date, v.voucher_id",
          rs -> {
            rows.add(
                List.of(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    yuan(rs.getLong(4)),
                    shortTx(rs.getString(5))));
          },
          village,
          period);
      pdf.table(List.of("凭证号", "日期", "摘要", "金额（元）", "记账交易"), rows, 3, 1.5f, 4, 1.5f, 2);
      pdf.heading("三、本期公开事项");
      var publications = new ArrayList<List<String>>();
      for (Map<String, Object> p : queries.publications(village, false)) {
        if (period.equals(p.get("PERIOD"))) {
          publications.add(
              List.of(
                  String.valueOf(p.get("ITEM_CODE")),
                  String.valueOf(p.get("TITLE")),
                  String.valueOf(p.get("DUE_ON")),
                  Boolean.TRUE.equals(p.get("LATE")) ? "逾期" : "按时",
                  shortTx((String) p.get("TX_ID")) + " / 区块 " + p.get("BLOCK_NUMBER")));
        }
      }
      pdf.table(List.of("目录事项", "标题", "期限", "是否按时", "账本交易"), publications, 1.5f, 4, 1.5f, 1, 3);
      return pdf.bytes();
    }
  }

  private byte[] auditReport(PageUser user) {
    List<FinanceQueries.VillageFigures> figures = queries.overview(user.scope());
    try (var pdf = new PdfReport("审计报告 " + user.scope())) {
      pdf.title("村级三资审计报告 · 区域 " + user.region());
      pdf.text("编制：" + user.displayName() + "。数据来自乡链账本的投影，每项异常可追溯至凭证及其账本交易。");
      pdf.heading("一、各乡镇公开按时率");
      Map<String, long[]> onTime = new TreeMap<>();
      jdbc.query(
          "select township, count(*), sum(case when late then 1 else 0 end) from fin_publication"
              + " where village like ? group by township",
          rs -> {
            onTime.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
          },
          user.scope() + "%");
      var bars = new ArrayList<PdfReport.Bar>();
      onTime.forEach(
          (township, counts) -> {
            double rate = counts[0] == 0 ? 0 : 100.0 * (counts[0] - counts[1]) / counts[0];
            bars.add(
                new PdfReport.Bar(
                    township,
                    rate,
                    String.format("%.1f%%（%d/%d）", rate, counts[0] - counts[1], counts[0])));
          });
      pdf.bars(bars);
      pdf.heading("二、各村指标");
      var rows = new ArrayList<List<String>>();
      for (FinanceQueries.VillageFigures f : figures) {
        rows.add(
            List.of(
                f.village(),
                String.valueOf(f.vouchers()),
                yuan(f.postedFen()),
                String.valueOf(f.approvals()),
                String.valueOf(f.rejections()),
                String.valueOf(f.anomalies()),
                String.valueOf(f.lateDisclosures()),
                f.openObjections() + "/" + f.objections()));
      }
      pdf.table(
          List.of("村", "凭证", "已记账（元）", "审核通过", "退回", "异常", "逾期公开", "待答复/质询"),
          rows,
          2,
          1,
          2,
          1,
          1,
          1,
          1,
          1.3f);
      pdf.heading("三、异常及其凭证");
      var anomalies = new ArrayList<List<String>>();
      jdbc.query(
          "select a.village, a.period, a.rule, a.amount_fen, a.counterparty,"
              + " (select min(e.record_id) from fin_anomaly_evidence e where e.village = a.village"
              + " and e.period = a.period and e.anomaly_no = a.anomaly_no) from fin_anomaly a"
              + " where a.village like ? order by a.village, a.period, a.anomaly_no"
              + " fetch first 500 rows only",
          rs -> {
            anomalies.add(
                List.of(
                    rs.getString(1),
                    rs.getString(2),
                    RULES.getOrDefault(rs.getString(3), rs.getString(3)),
                    yuan(rs.getLong(4)),
                    rs.getString(5) == null ? "" : rs.getString(5),
                    rs.getString(6) == null ? "" : rs.getString(6)));
          },
          user.scope() + "%");
      pdf.table(
          List.of("村", "期间", "规则", "金额（元）", "往来单位", "凭证/公开"), anomalies, 2, 1, 2.5f, 1.5f, 2, 3);
      return pdf.bytes();
    }
  }

  private static final Map<String, String> RULES =
      Map.of(
          "SPLIT_UNDER_THRESHOLD", "拆分支付规避大额审批",
          "PAYMENT_WITHOUT_CONTRACT", "大额支付无合同",
          "ROUND_SUM_CASH_WITHDRAWAL", "整数大额提现",
          "BACK_DATED_ENTRY", "补记倒签凭证",
          "LATE_DISCLOSURE", "逾期公开");

  /** Account code → name from the county's latest chart on the ledger (empty when unreadable). */
  private Map<String, String> accountNames() {
    var names = new HashMap<String, String>();
    try {
      JsonNode chart =
          ledger.evaluateIn(
              "finance",
              callers.applicationReader(),
              "getChart",
              Map.of("county", CallerIdentities.COUNTY_REGION));
      for (JsonNode account : chart.path("accounts")) {
        names.put(account.path("code").asString(), account.path("name").asString());
      }
    } catch (LedgerException e) {
      // No chart on the ledger: the report shows account codes only.
    }
    return names;
  }

  private static String yuan(long fen) {
    return String.format("%,.2f", fen / 100.0);
  }

  private static String shortTx(String txId) {
    return txId == null ? "" : txId.length() > 16 ? txId.substring(0, 16) + "…" : txId;
  }

  private static ResponseEntity<byte[]> pdf(String filename, byte[] bytes) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(bytes);
  }
}
