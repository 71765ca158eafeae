package cn.xianglian.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;

@DisplayName("The i18n bundles")
class MessagesTest {

  private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

  static {
    MESSAGES.setBasename("messages");
    MESSAGES.setDefaultEncoding("UTF-8");
    MESSAGES.setFallbackToSystemLocale(false);
  }

  static java.util.stream.Stream<String> codes() {
    return ErrorStatus.codes().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codes")
  @DisplayName("hold a Chinese and a different English message for every code, formatted cleanly")
  void everyCode(String code) {
    Object[] field = {"quantity.amount"};
    String chinese = MESSAGES.getMessage("error." + code, field, Locale.SIMPLIFIED_CHINESE);
    String english = MESSAGES.getMessage("error." + code, field, Locale.ENGLISH);

    assertThat(chinese).isNotBlank().isNotEqualTo(english).containsPattern("\\p{IsHan}");
    assertThat(english).isNotBlank().doesNotContainPattern("\\p{IsHan}");
    assertThat(english + chinese).doesNotContain("{0}").doesNotContain("'");
  }
}
