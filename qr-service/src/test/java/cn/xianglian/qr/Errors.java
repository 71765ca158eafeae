package cn.xianglian.qr;

/** Test helper: the error code an action is rejected with. */
public final class Errors {

  private Errors() {}

  /** Runs the action and returns the {@link QrError} it threw; fails when it throws none. */
  public static QrError errorOf(Runnable action) {
    try {
      action.run();
    } catch (QrException e) {
      return e.error();
    }
    throw new AssertionError("expected a QrException");
  }
}
