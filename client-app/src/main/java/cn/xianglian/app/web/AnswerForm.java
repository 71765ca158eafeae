package cn.xianglian.app.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The village's answer to a villager's objection (质询答复). */
class AnswerForm {

  @NotBlank(message = "{form.answer.required}")
  @Size(max = 1000, message = "{form.answer.size}")
  private String answer;

  public String getAnswer() {
    return answer;
  }

  public void setAnswer(String answer) {
    this.answer = answer;
  }
}
