package cn.xianglian.app.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Streams a table as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the
 * Chinese correctly) or XLSX (Apache POI's streaming workbook: 100 rows in memory at a time).
 */
sealed interface TableWriter extends AutoCloseable permits TableWriter.Csv, TableWriter.Xlsx {

  void row(List<?> values);

  @Override
  void close();

  static TableWriter csv(OutputStream out) {
    return new Csv(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  static TableWriter xlsx(OutputStream out, String sheetName) {
    return new Xlsx(out, sheetName);
  }

  /** CSV: fields with a comma, quote or line break are quoted, quotes doubled. */
  final class Csv implements TableWriter {
    private final Writer out;

    Csv(Writer out) {
      this.out = out;
      write("\uFEFF");
    }

    @Override
    public void row(List<?> values) {
      var line = new StringBuilder();
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          line.append(',');
        }
        Object value = values.get(i);
        String text = value == null ? "" : value.toString();
        if (text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0) {
          text = '"' + text.replace("\"", "\"\"") + '"';
        }
        line.append(text);
      }
      write(line.append("\r\n").toString());
    }

    private void write(String text) {
      try {
        out.write(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** XLSX: numbers as numeric cells, everything else as text. */
  final class Xlsx implements TableWriter {
    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    private final Sheet sheet;
    private int next;

    Xlsx(OutputStream out, String sheetName) {
      this.out = out;
      this.sheet = workbook.createSheet(sheetName);
    }

    @Override
    public void row(List<?> values) {
      Row row = sheet.createRow(next++);
      for (int i = 0; i < values.size(); i++) {
        Object value = values.get(i);
        Cell cell = row.createCell(i);
        if (value instanceof Number number) {
          cell.setCellValue(number.doubleValue());
        } else if (value != null) {
          cell.setCellValue(value.toString());
        }
      }
    }

    @Override
    public void close() {
      try (workbook) {
        workbook.write(out);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
