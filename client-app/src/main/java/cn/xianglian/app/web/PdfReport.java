package cn.xianglian.app.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A small A4 report in Chinese: a title, paragraphs, tables and horizontal bar charts (drawn
 * directly on the page, no chart library). The CJK font is WenQuanYi Micro Hei (Debian {@code
 * fonts-wqy-microhei}) or the file named by {@code xl.pdf.font-file}.
 */
final class PdfReport implements AutoCloseable {

  /** One bar: its label, its value and the text printed after it. */
  record Bar(String label, double value, String text) {}

  private static final List<String> FONTS =
      List.of(
          "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
          "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Document document = new Document(PageSize.A4, 40, 40, 40, 40);
  private final PdfWriter writer;
  private final BaseFont base;
  private final Font title;
  private final Font heading;
  private final Font body;
  private final Font small;

  PdfReport(String documentTitle) {
    try {
      base = BaseFont.createFont(fontName(), BaseFont.IDENTITY_H, true);
      writer = PdfWriter.getInstance(document, out);
      document.addTitle(documentTitle);
      document.addCreator("XiangLian client-app");
      document.open();
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot start the PDF", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CJK font", e);
    }
    title = new Font(base, 16, Font.BOLD);
    heading = new Font(base, 12, Font.BOLD);
    body = new Font(base, 9);
    small = new Font(base, 7);
  }

  private static String fontName() {
    String configured = System.getProperty("xl.pdf.font-file");
    List<String> candidates = configured == null ? FONTS : List.of(configured);
    for (String candidate : candidates) {
      if (Files.isRegularFile(Path.of(candidate))) {
        return candidate.toLowerCase(Locale.ROOT).endsWith(".ttc") ? candidate + ",0" : candidate;
      }
    }
    throw new IllegalStateException("no CJK font: install Debian fonts-wqy-microhei");
  }

  PdfReport title(String text) {
    return add(new Paragraph(text, title));
  }

  PdfReport heading(String text) {
    Paragraph paragraph = new Paragraph(text, heading);
    paragraph.setSpacingBefore(10);
    paragraph.setSpacingAfter(4);
    return add(paragraph);
  }

  PdfReport text(String text) {
    return add(new Paragraph(text, body));
  }

  /** A table with a header row; cells are printed as given. */
  PdfReport table(List<String> header, List<List<String>> rows, float... widths) {
    var table = new PdfPTable(header.size());
    table.setWidthPercentage(100);
    try {
      if (widths.length == header.size()) {
        table.setWidths(widths);
      }
    } catch (DocumentException e) {
      throw new IllegalArgumentException(e);
    }
    for (String cell : header) {
      PdfPCell c = new PdfPCell(new Phrase(cell, small));
      c.setBackgroundColor(new Color(0xE8, 0xF0, 0xE8));
      table.addCell(c);
    }
    for (List<String> row : rows) {
      for (String cell : row) {
        table.addCell(new PdfPCell(new Phrase(cell == null ? "" : cell, small)));
      }
    }
    return add(table);
  }

  /** A horizontal bar chart scaled to the largest value. */
  PdfReport bars(List<Bar> bars) {
    if (bars.isEmpty()) {
      return text("—");
    }
    float width = document.getPageSize().getWidth() - 80;
    float rowHeight = 16;
    float height = rowHeight * bars.size() + 8;
    float labelWidth = 140;
    float textWidth = 90;
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
    PdfContentByte canvas = writer.getDirectContent();
    PdfTemplate chart = canvas.createTemplate(width, height);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      float y = height - (i + 1) * rowHeight;
      float length = max <= 0 ? 0 : (float) ((width - labelWidth - textWidth) * bar.value() / max);
      chart.setColorFill(new Color(0x2E, 0x6B, 0x3F));
      chart.rectangle(labelWidth, y + 3, Math.max(length, 0.5f), rowHeight - 6);
      chart.fill();
      chart.beginText();
      chart.setColorFill(Color.BLACK);
      chart.setFontAndSize(base, 8);
      chart.showTextAligned(Element.ALIGN_RIGHT, bar.label(), labelWidth - 6, y + 5, 0);
      chart.showTextAligned(Element.ALIGN_LEFT, bar.text(), labelWidth + length + 4, y + 5, 0);
      chart.endText();
    }
    try {
      Image image = Image.getInstance(chart);
      image.setSpacingBefore(4);
      return add(image);
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    }
  }

  private PdfReport add(Element element) {
    try {
      document.add(element);
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot add to the PDF", e);
    }
    return this;
  }

  /** Closes the document and returns its bytes. */
  byte[] bytes() {
    document.close();
    return out.toByteArray();
  }

  @Override
  public void close() {
    if (document.isOpen()) {
      document.close();
    }
  }
}
