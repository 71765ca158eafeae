package cn.xianglian.qr.label;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.ImgRaw;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

/**
 * An A4 label sheet written straight to an output stream. Each symbol becomes a 1-bit image of one
 * pixel per module (flate-compressed, about 200 bytes), written to the stream as soon as it is
 * added (scaled in the page, so print resolution is the printer's); a page's content stream is
 * written when the page is full. Memory stays at one page of content plus the font subset and the
 * cross-reference table (a few bytes per label), whatever the number of labels.
 *
 * <pre>{@code
 * try (var sheet = PdfLabelSheet.open(out, new LabelLayout(8, 5, 10), fontFile)) {
 *   sheet.add(symbol, text);
 * }
 * }</pre>
 */
public final class PdfLabelSheet implements AutoCloseable {

  private final Document document;
  private final PdfWriter writer;
  private final LabelLayout layout;
  private final BaseFont font;
  private long count;

  private PdfLabelSheet(Document document, PdfWriter writer, LabelLayout layout, BaseFont font) {
    this.document = document;
    this.writer = writer;
    this.layout = layout;
    this.font = font;
  }

  public static PdfLabelSheet open(OutputStream out, LabelLayout layout, Path fontFile) {
    try {
      BaseFont font =
          BaseFont.createFont(LabelFonts.openPdfName(fontFile), BaseFont.IDENTITY_H, true);
      var document = new Document(PageSize.A4, 0, 0, 0, 0);
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setCloseStream(false);
      document.addTitle("XiangLian labels");
      document.addCreator("XiangLian qr-service");
      document.open();
      return new PdfLabelSheet(document, writer, layout, font);
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot start the PDF", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the label font " + fontFile, e);
    }
  }

  /** Places the next label; starts a new page when the current one is full. */
  public void add(BitMatrix symbol, LabelText text) {
    try {
      if (layout.startsPage(count)) {
        document.newPage();
      }
      LabelLayout.Cell cell = layout.cell(count);
      int n = symbol.getWidth();
      // ImgRaw keeps the 1-bit rows (flate-compressed); Image.getInstance would re-encode as CCITT.
      Image image = new ImgRaw(n, n, 1, 1, SymbolImages.packedRows(symbol));
      image.scaleAbsolute((float) cell.symbolSize(), (float) cell.symbolSize());
      image.setAbsolutePosition((float) cell.symbolX(), (float) cell.symbolY());
      PdfContentByte content = writer.getDirectContent();
      content.addImage(image);
      content.beginText();
      content.setFontAndSize(font, (float) LabelLayout.FONT_SIZE_PT);
      double baseline = cell.firstBaseline();
      for (String line : text.lines()) {
        if (line != null && !line.isEmpty()) {
          content.showTextAligned(
              Element.ALIGN_CENTER, line, (float) cell.textCentreX(), (float) baseline, 0);
        }
        baseline -= LabelLayout.LINE_HEIGHT_PT;
      }
      content.endText();
      count++;
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot add label " + count, e);
    }
  }

  public long count() {
    return count;
  }

  @Override
  public void close() {
    if (count == 0) {
      writer.setPageEmpty(false);
    }
    document.close();
  }
}
