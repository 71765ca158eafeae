package cn.xianglian.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xianglian.chaincode.domain.ErrorCode;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The HTTP status map")
class ErrorStatusTest {

  @Test
  @DisplayName("knows every code the chaincode can raise, so none becomes a 500")
  void coversTheChaincodeCatalogue() {
    assertThat(ErrorStatus.codes())
        .containsAll(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
  }
}
