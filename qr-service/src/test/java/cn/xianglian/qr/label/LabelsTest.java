package cn.xianglian.qr.label;

import static cn.xianglian.qr.Errors.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.qr.QrError;
import cn.xianglian.qr.digitallink.DigitalLink;
import cn.xianglian.qr.digitallink.Gtin;
import cn.xianglian.qr.signing.CodeSigner;
import cn.xianglian.qr.signing.KeyRing;
import cn.xianglian.qr.signing.SignatureAlgorithm;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

class LabelsTest {

  static final String RESOLVER = "https://qr.xianglian.cn";
  static final KeyRing KEYS =
      KeyRing.generate(SignatureAlgorithm.ECDSA_P256_SHA256, Instant.parse("2026-05-01T00:00:00Z"));

  static String signedUri(long serial) {
    var link = new DigitalLink(new Gtin("06901234567892"), "XF-2026-0001", "U" + serial);
    return CodeSigner.sign(KEYS, link).uri(RESOLVER);
  }

  @Nested
  @DisplayName("symbol size")
  class SymbolSize {

    @Test
    void a_signed_item_code_is_162_characters_and_fits_version_9_at_level_m() {
      String uri = signedUri(1_000_000);

      assertThat(uri).hasSize(162);
      assertThat(QrSymbols.version(uri, ErrorCorrectionLevel.M)).isEqualTo(9);
      assertThat(QrSymbols.version(uri, ErrorCorrectionLevel.Q)).isEqualTo(11);
      BitMatrix symbol = QrSymbols.encode(uri, ErrorCorrectionLevel.M);
      assertThat(symbol.getWidth()).isEqualTo(53 + 2 * QrSymbols.QUIET_ZONE_MODULES);
    }

    @Test
    void the_quiet_zone_is_four_light_modules_on_every_side() {
      BitMatrix symbol = QrSymbols.encode(signedUri(1), ErrorCorrectionLevel.M);
      int n = symbol.getWidth();
      for (int i = 0; i < n; i++) {
        for (int q = 0; q < 4; q++) {
          assertThat(symbol.get(i, q) || symbol.get(q, i)).isFalse();
          assertThat(symbol.get(i, n - 1 - q) || symbol.get(n - 1 - q, i)).isFalse();
        }
      }
      assertThat(symbol.get(4, 4)).isTrue();
    }
  }

  @Nested
  @DisplayName("PNG and SVG")
  class Images {

    @Test
    void a_png_label_decodes_to_its_uri() {
      String uri = signedUri(42);
      var png = new ByteArrayOutputStream();
      SymbolImages.png(QrSymbols.encode(uri, ErrorCorrectionLevel.M), 4, png);

      assertThat(QrDecoding.decodePng(png.toByteArray())).isEqualTo(uri);
    }

    @Test
    @DisplayName("the PNG is 1-bit greyscale, pixelsPerModule pixels per module, modules exact")
    void the_png_has_one_bit_per_pixel_and_exact_modules() throws Exception {
      String uri = signedUri(7);
      var symbol = QrSymbols.encode(uri, ErrorCorrectionLevel.M);
      for (int pixels : new int[] {1, 3, 8}) {
        var png = new ByteArrayOutputStream();
        SymbolImages.png(symbol, pixels, png);
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.toByteArray()));

        assertThat(image.getWidth()).isEqualTo(symbol.getWidth() * pixels);
        assertThat(image.getHeight()).isEqualTo(symbol.getHeight() * pixels);
        assertThat(image.getColorModel().getPixelSize()).isEqualTo(1);
        for (int y = 0; y < symbol.getHeight(); y++) {
          for (int x = 0; x < symbol.getWidth(); x++) {
            int black = symbol.get(x, y) ? 0x000000 : 0xffffff;
            assertThat(image.getRGB(x * pixels + pixels - 1, y * pixels) & 0xffffff)
                .as("module %d,%d at %d px", x, y, pixels)
                .isEqualTo(black);
          }
        }
      }
      var large = new ByteArrayOutputStream();
      SymbolImages.png(symbol, 8, large);
      assertThat(QrDecoding.decodePng(large.toByteArray())).isEqualTo(uri);
    }

    @Test
    void an_svg_label_is_one_path_in_module_units_with_crisp_edges() {
      BitMatrix symbol = QrSymbols.encode(signedUri(42), ErrorCorrectionLevel.M);
      var svg = new StringWriter();
      SymbolImages.svg(symbol, 20, svg);

      assertThat(svg.toString())
          .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 61 61\"")
          .contains("width=\"20mm\"", "shape-rendering=\"crispEdges\"", "<path fill=\"#000\"")
          .endsWith("</svg>");
    }
  }

  @Nested
  @DisplayName("PDF sheet")
  class Sheet {

    @Test
    void every_label_of_a_two_page_sheet_decodes_in_order_with_readable_text() throws Exception {
      var layout = new LabelLayout(8, 5, 10);
      List<String> uris = new ArrayList<>();
      var out = new ByteArrayOutputStream();
      try (var sheet = PdfLabelSheet.open(out, layout, LabelFonts.find(Optional.empty()))) {
        for (int i = 1; i <= 45; i++) {
          String uri = signedUri(i);
          uris.add(uri);
          sheet.add(
              QrSymbols.encode(uri, ErrorCorrectionLevel.M),
              new LabelText("息烽贡米 单品码", "批次 XF-2026-0001 · U" + i, "【合格证】 HG-0001"));
        }
      }
      byte[] pdf = out.toByteArray();

      assertThat(QrDecoding.decodePdfImages(pdf)).containsExactlyElementsOf(uris);
      var reader = new PdfReader(pdf);
      assertThat(reader.getNumberOfPages()).isEqualTo(2);
      assertThat(new PdfTextExtractor(reader).getTextFromPage(1))
          .contains("息烽贡米", "XF-2026-0001", "合格证");
      assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/FontFile2");
      reader.close();
    }

    @Test
    void a_grid_too_dense_for_a_scannable_symbol_is_refused() {
      assertThat(errorOf(() -> new LabelLayout(20, 10, 10))).isEqualTo(QrError.INVALID_ARGUMENT);
      assertThat(errorOf(() -> new LabelLayout(0, 5, 10))).isEqualTo(QrError.INVALID_ARGUMENT);
      assertThat(errorOf(() -> new LabelLayout(8, 5, -1))).isEqualTo(QrError.INVALID_ARGUMENT);
    }

    @Test
    void cells_stay_inside_the_page_margins_and_do_not_overlap() {
      var layout = new LabelLayout(8, 5, 10);
      double margin = 10 * LabelLayout.PT_PER_MM;
      for (int i = 0; i < layout.labelsPerPage(); i++) {
        var cell = layout.cell(i);
        assertThat(cell.symbolX()).isGreaterThanOrEqualTo(margin);
        assertThat(cell.symbolX() + cell.symbolSize())
            .isLessThanOrEqualTo(LabelLayout.A4_WIDTH_PT - margin);
        double lastBaseline =
            cell.firstBaseline() - (LabelLayout.TEXT_LINES - 1) * LabelLayout.LINE_HEIGHT_PT;
        assertThat(lastBaseline).isGreaterThanOrEqualTo(margin);
        if (i % layout.cols() > 0) {
          var left = layout.cell(i - 1);
          assertThat(left.symbolX() + left.symbolSize()).isLessThan(cell.symbolX());
        }
      }
      assertThat(layout.startsPage(40)).isTrue();
      assertThat(layout.startsPage(0)).isFalse();
      assertThat(layout.symbolSizePt() / LabelLayout.PT_PER_MM).isGreaterThan(20);
    }
  }
}
