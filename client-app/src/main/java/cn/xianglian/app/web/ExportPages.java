package cn.xianglian.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * CSV and XLSX exports of the projected batch and transaction tables: {@code
 * /web/export/batches.csv|xlsx} (county oversight: the county's batches; a producer: its own) and
 * {@code /web/export/transactions.csv|xlsx} (county oversight only). Rows stream from the database.
 */
@Controller
class ExportPages {

  private static final List<String> BATCH_COLUMNS =
      List.of(
          "batch_id",
          "product_name",
          "product_category",
          "product_code",
          "quantity_amount",
          "quantity_uom",
          "origin_region",
          "township",
          "producer_id",
          "status",
          "produced_at",
          "tx_id",
          "block_number",
          "value_sha256");
  private static final List<String> TRANSACTION_COLUMNS =
      List.of(
          "block_number",
          "tx_index",
          "tx_id",
          "msp_id",
          "tx_timestamp",
          "function_name",
          "validation");

  private final PageUsers users;
  private final JdbcTemplate jdbc;
  private final AccessLog log;

  ExportPages(PageUsers users, JdbcTemplate jdbc, AccessLog log) {
    this.users = users;
    this.jdbc = jdbc;
    this.log = log;
  }

  @GetMapping("/web/export/{table}.{format}")
  void export(@PathVariable String table, @PathVariable String format, HttpServletResponse response)
      throws IOException {
    PageUser user = users.require();
    if (!format.equals("csv") && !format.equals("xlsx")) {
      throw new PageException(HttpStatus.NOT_FOUND, "page.notFound");
    }
    String sql;
    Object parameter;
    List<String> columns;
    switch (table) {
      case "batches" -> {
        columns = BATCH_COLUMNS;
        if (user.countyOversight()) {
          sql = "from tr_batch where township like ? order by batch_id";
          parameter = user.scope() + "%";
        } else if (user.producer() && user.party() != null) {
          sql = "from tr_batch where producer_id = ? order by batch_id";
          parameter = user.party();
        } else {
          throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
        }
      }
      case "transactions" -> {
        if (!user.countyOversight()) {
          throw new PageException(HttpStatus.FORBIDDEN, "page.denied");
        }
        columns = TRANSACTION_COLUMNS;
        sql = "from xl_transaction order by block_number, tx_index";
        parameter = null;
      }
      default -> throw new PageException(HttpStatus.NOT_FOUND, "page.notFound");
    }
    log.read(user.username(), "/web/export/" + table + "." + format, table, null);
    response.setContentType(
        format.equals("csv")
            ? "text/csv;charset=UTF-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"xianglian-" + table + "." + format + "\"");
    String select = "select " + String.join(", ", columns) + " " + sql;
    try (TableWriter writer =
        format.equals("csv")
            ? TableWriter.csv(response.getOutputStream())
            : TableWriter.xlsx(response.getOutputStream(), table)) {
      writer.row(columns);
      Object[] arguments = parameter == null ? new Object[0] : new Object[] {parameter};
      jdbc.query(
          select,
          rs -> {
            var values = new ArrayList<Object>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
              Object value = rs.getObject(i);
              values.add(value instanceof java.sql.Clob ? rs.getString(i) : value);
            }
            writer.row(values);
          },
          arguments);
    }
  }
}
