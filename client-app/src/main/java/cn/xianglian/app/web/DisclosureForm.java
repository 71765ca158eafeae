package cn.xianglian.app.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The village's publish-a-disclosure form (三务公开); messages are keys of the i18n bundles. */
class DisclosureForm {

  @NotBlank(message = "{form.publicationId.required}")
  @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "{form.publicationId.pattern}")
  private String publicationId;

  @NotBlank(message = "{form.itemCode.required}")
  @Pattern(regexp = "[A-Z0-9][A-Z0-9_.-]{0,31}", message = "{form.itemCode.pattern}")
  private String itemCode;

  @NotBlank(message = "{form.period.required}")
  @Pattern(regexp = "\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?", message = "{form.period.pattern}")
  private String period;

  @NotBlank(message = "{form.title.required}")
  @Size(max = 128, message = "{form.title.size}")
  private String title;

  @NotBlank(message = "{form.content.required}")
  @Size(max = 20000, message = "{form.content.size}")
  private String content;

  public String getPublicationId() {
    return publicationId;
  }

  public void setPublicationId(String publicationId) {
    this.publicationId = publicationId;
  }

  public String getItemCode() {
    return itemCode;
  }

  public void setItemCode(String itemCode) {
    this.itemCode = itemCode;
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getContent() {
    return content;
  }

  public void setContent(String content) {
    this.content = content;
  }
}
