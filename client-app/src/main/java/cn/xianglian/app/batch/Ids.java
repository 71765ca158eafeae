package cn.xianglian.app.batch;

/** Shapes of client-chosen ids, as the contract accepts them. */
public final class Ids {

  /** A client-chosen id: letters, digits, {@code . _ -}, up to 64 characters. */
  public static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  /** A lower-case hex SHA-256. */
  public static final String SHA256 = "[0-9a-f]{64}";

  private Ids() {}
}
