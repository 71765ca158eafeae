package cn.xianglian.qr.label;

/** The readable lines under one symbol: product and level, batch and serial, certificate mark. */
public record LabelText(String line1, String line2, String line3) {

  public String[] lines() {
    return new String[] {line1, line2, line3};
  }
}
