package cn.xianglian.qr.label;

import cn.xianglian.qr.QrError;
import cn.xianglian.qr.QrException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the CJK font embedded in PDF labels. OpenPDF embeds TrueType outlines (subset, Identity-H),
 * so the default is WenQuanYi Micro Hei (Debian {@code fonts-wqy-microhei}, a TrueType collection);
 * Noto Sans CJK ({@code fonts-noto-cjk}) ships CFF outlines that OpenPDF cannot subset as TrueType.
 */
public final class LabelFonts {

  /** Looked for in order when no font file is configured. */
  public static final List<String> DEFAULT_CANDIDATES =
      List.of(
          "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
          "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

  private LabelFonts() {}

  /** The font file to use: the configured one, or the first installed candidate. */
  public static Path find(Optional<Path> configured) {
    if (configured.isPresent()) {
      if (Files.isReadable(configured.get())) {
        return configured.get();
      }
      throw new QrException(
          QrError.LABEL_FONT_MISSING, "configured label font " + configured.get() + " not found");
    }
    return DEFAULT_CANDIDATES.stream()
        .map(Path::of)
        .filter(Files::isReadable)
        .findFirst()
        .orElseThrow(
            () ->
                new QrException(
                    QrError.LABEL_FONT_MISSING,
                    "no CJK font: install Debian fonts-wqy-microhei or set xl.qr.label.font-file"));
  }

  /** The OpenPDF font name: a collection needs its face index. */
  static String openPdfName(Path file) {
    String name = file.toString();
    return name.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc") ? name + ",0" : name;
  }
}
