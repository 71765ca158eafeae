package cn.xianglian.app.projection;

/** The projection cannot apply a block: a gap, a broken hash chain or a moved checkpoint. */
public class ProjectionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ProjectionException(String message) {
    super(message);
  }
}
