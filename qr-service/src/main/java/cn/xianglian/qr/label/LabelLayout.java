package cn.xianglian.qr.label;

import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;

/**
 * The geometry of a label sheet in PDF points (1/72 inch): an A4 page, margins, a grid of {@code
 * rows x cols} cells; in each cell a square QR symbol on top and {@value #TEXT_LINES} lines of text
 * under it. Coordinates have their origin at the bottom left, as in PDF.
 */
public record LabelLayout(int rows, int cols, double marginMm) {

  public static final double A4_WIDTH_PT = 595.28;
  public static final double A4_HEIGHT_PT = 841.89;
  public static final double PT_PER_MM = 72 / 25.4;
  public static final int TEXT_LINES = 3;
  public static final double FONT_SIZE_PT = 6.5;
  public static final double LINE_HEIGHT_PT = FONT_SIZE_PT * 1.25;

  /** Gap kept free around each cell's content, so cutting tolerances never touch the quiet zone. */
  public static final double CELL_PADDING_PT = 2 * PT_PER_MM;

  /** Smallest printed symbol accepted (quiet zone included): below this phones struggle. */
  public static final double MIN_SYMBOL_MM = 15;

  public LabelLayout {
    if (rows < 1 || rows > 20 || cols < 1 || cols > 10) {
      throw new QrException(QrError.INVALID_ARGUMENT, "rows must be 1..20 and cols 1..10");
    }
    if (!(marginMm >= 0 && marginMm <= 50)) {
      throw new QrException(QrError.INVALID_ARGUMENT, "marginMm must be 0..50");
    }
    double symbol = symbolSize(rows, cols, marginMm);
    if (symbol < MIN_SYMBOL_MM * PT_PER_MM) {
      throw new QrException(
          QrError.INVALID_ARGUMENT,
          "a %dx%d grid leaves %.1f mm per code; at least %.0f mm is needed"
              .formatted(rows, cols, symbol / PT_PER_MM, MIN_SYMBOL_MM));
    }
  }

  private static double symbolSize(int rows, int cols, double marginMm) {
    double width = (A4_WIDTH_PT - 2 * marginMm * PT_PER_MM) / cols - 2 * CELL_PADDING_PT;
    double height =
        (A4_HEIGHT_PT - 2 * marginMm * PT_PER_MM) / rows
            - 2 * CELL_PADDING_PT
            - TEXT_LINES * LINE_HEIGHT_PT;
    return Math.min(width, height);
  }

  public int labelsPerPage() {
    return rows * cols;
  }

  public double cellWidthPt() {
    return (A4_WIDTH_PT - 2 * marginMm * PT_PER_MM) / cols;
  }

  public double cellHeightPt() {
    return (A4_HEIGHT_PT - 2 * marginMm * PT_PER_MM) / rows;
  }

  /** Side of the square symbol (quiet zone included). */
  public double symbolSizePt() {
    return symbolSize(rows, cols, marginMm);
  }

  /** Where label {@code index} (0-based, across pages) sits on its page. */
  public Cell cell(long index) {
    int onPage = (int) (index % labelsPerPage());
    int row = onPage / cols;
    int col = onPage % cols;
    double left = marginMm * PT_PER_MM + col * cellWidthPt();
    double top = A4_HEIGHT_PT - marginMm * PT_PER_MM - row * cellHeightPt();
    double symbol = symbolSizePt();
    double symbolX = left + (cellWidthPt() - symbol) / 2;
    double symbolY = top - CELL_PADDING_PT - symbol;
    double centreX = left + cellWidthPt() / 2;
    double firstBaseline = symbolY - FONT_SIZE_PT;
    return new Cell(symbolX, symbolY, symbol, centreX, firstBaseline);
  }

  /** True when label {@code index} starts a new page (and is not the first). */
  public boolean startsPage(long index) {
    return index > 0 && index % labelsPerPage() == 0;
  }

  /**
   * One label's placement: the symbol's lower-left corner and side, the text's centre line and the
   * baseline of its first line (further lines go down by {@link #LINE_HEIGHT_PT}).
   */
  public record Cell(
      double symbolX,
      double symbolY,
      double symbolSize,
      double textCentreX,
      double firstBaseline) {}
}
