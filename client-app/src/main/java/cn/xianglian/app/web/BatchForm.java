package cn.xianglian.app.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/** The register-batch form; messages are keys of the i18n bundles (Chinese by default). */
class BatchForm {

  @NotBlank(message = "{form.batchId.required}")
  @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "{form.batchId.pattern}")
  private String batchId;

  @NotBlank(message = "{form.productName.required}")
  @Size(max = 64, message = "{form.productName.size}")
  private String productName;

  @NotBlank(message = "{form.category.required}")
  @Size(max = 32, message = "{form.category.size}")
  private String category;

  @NotBlank(message = "{form.productCode.required}")
  @Pattern(regexp = "XL-[A-Z0-9-]{1,30}", message = "{form.productCode.pattern}")
  private String productCode;

  @NotNull(message = "{form.amount.required}")
  @Positive(message = "{form.amount.positive}")
  private Long amount;

  @NotBlank(message = "{form.uom.required}")
  @Pattern(regexp = "KGM|GRM|TNE|H87|LTR", message = "{form.uom.pattern}")
  private String uom = "KGM";

  @NotBlank(message = "{form.site.required}")
  @Size(max = 64, message = "{form.site.size}")
  private String site;

  @NotBlank(message = "{form.productionType.required}")
  @Pattern(regexp = "PLANTING|BREEDING|PROCESSING", message = "{form.productionType.pattern}")
  private String productionType = "PLANTING";

  @NotNull(message = "{form.producedAt.required}")
  @PastOrPresent(message = "{form.producedAt.past}")
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
  private LocalDateTime producedAt;

  public String getBatchId() {
    return batchId;
  }

  public void setBatchId(String batchId) {
    this.batchId = batchId;
  }

  public String getProductName() {
    return productName;
  }

  public void setProductName(String productName) {
    this.productName = productName;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getProductCode() {
    return productCode;
  }

  public void setProductCode(String productCode) {
    this.productCode = productCode;
  }

  public Long getAmount() {
    return amount;
  }

  public void setAmount(Long amount) {
    this.amount = amount;
  }

  public String getUom() {
    return uom;
  }

  public void setUom(String uom) {
    this.uom = uom;
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = site;
  }

  public String getProductionType() {
    return productionType;
  }

  public void setProductionType(String productionType) {
    this.productionType = productionType;
  }

  public LocalDateTime getProducedAt() {
    return producedAt;
  }

  public void setProducedAt(LocalDateTime producedAt) {
    this.producedAt = producedAt;
  }
}
