package cn.xianglian.qr;

/**
 * The catalogue of stable error codes, in the order a request meets them. Each carries the
 * user-facing Chinese text; the HTTP status is chosen in one place ({@code system.ErrorAdvice}).
 */
public enum QrError {
  /** The request line, path or body is larger than the service accepts. */
  REQUEST_TOO_LARGE("请求过大"),
  /** The path is not a Digital Link this resolver serves (wrong shape, bad characters). */
  INVALID_LINK("无效的码：链接格式错误"),
  /** The GTIN's last digit is not its GS1 mod-10 check digit. */
  CHECK_DIGIT_MISMATCH("无效的码：商品条码校验位错误"),
  /** A request field (not a link) is missing or malformed. */
  INVALID_ARGUMENT("请求参数错误"),
  /** The code carries no signature or key id. */
  SIGNATURE_MISSING("非正品或无效码：缺少防伪签名"),
  /** The key id in the code is not one of the issuer's keys. */
  KEY_UNKNOWN("非正品或无效码：未知的签名密钥"),
  /** The signature does not verify with the issuer's public key. */
  SIGNATURE_INVALID("非正品或无效码：防伪签名校验失败"),
  /** No code run was issued for this product and lot. */
  CODE_UNKNOWN("非正品或无效码：未登记的码"),
  /** The serial lies outside every range issued for this product and lot. */
  SERIAL_NOT_ISSUED("非正品或无效码：序列号不在已发放范围内"),
  /** The batch a run points to is not on the ledger. */
  BATCH_NOT_FOUND("批次不存在"),
  /** A run id is unknown. */
  RUN_NOT_FOUND("码段不存在"),
  /**
   * The caller may not do this: role, region scope or ownership of the batch (checked here and
   * again by the ledger).
   */
  ACCESS_DENIED("无权执行此操作（角色、区域或批次归属不符）"),
  /** No new codes for a recalled batch. */
  BATCH_RECALLED("批次已召回，不能发码"),
  /** The run's digest is not the digest of its codes (checked by the chaincode). */
  DIGEST_MISMATCH("码段摘要不符"),
  /** The requested linkType is not one this resolver offers. */
  LINK_TYPE_UNKNOWN("不支持的链接类型"),
  /** A new run overlaps an issued range of the same product, lot and level. */
  RANGE_OVERLAP("码段与已发放码段重叠"),
  /** A run id is taken by a run with different content. */
  ALREADY_EXISTS("码段编号已被占用"),
  /** The lot is already bound to another batch of the same product. */
  LOT_BOUND_TO_OTHER_BATCH("该批号已绑定其他批次"),
  /** The run to aggregate is missing, of the wrong level, lot or size, or already aggregated. */
  AGGREGATION_INVALID("箱码/托盘码的装箱关系无效"),
  /** A run or sheet larger than the service allows. */
  RANGE_TOO_LARGE("码段过大"),
  /** The CJK label font is not installed. */
  LABEL_FONT_MISSING("标签字体未安装"),
  /** The call needs a login (HTTP Basic, a user of the users file with a wallet identity). */
  UNAUTHORIZED("请先登录"),
  /** The ledger could not be reached or failed; nothing is known about the code. */
  LEDGER_UNAVAILABLE("账本暂不可用，请稍后再试");

  private final String messageZh;

  QrError(String messageZh) {
    this.messageZh = messageZh;
  }

  /** The text shown to a consumer or an operator. */
  public String messageZh() {
    return messageZh;
  }

  /** True for the outcomes that mean "this code is not a genuine code of ours". */
  public boolean meansNotGenuine() {
    return switch (this) {
      case SIGNATURE_MISSING, KEY_UNKNOWN, SIGNATURE_INVALID, CODE_UNKNOWN, SERIAL_NOT_ISSUED ->
          true;
      default -> false;
    };
  }
}
