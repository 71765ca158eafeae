package cn.xianglian.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The 息烽 demo dataset file")
class DemoDataTest {

  private final DemoData data = DemoLoader.read();

  @Test
  @DisplayName(
      "has the county regulator, the auditor, a township station and producers of each type")
  void users() {
    assertThat(data.users())
        .anySatisfy(
            user -> {
              assertThat(user.displayName()).isEqualTo("息烽县农业农村局");
              assertThat(user.mspId()).isEqualTo("CountyOrgMSP");
              assertThat(user.attrs())
                  .containsEntry("xl.role", "regulator")
                  .containsEntry("xl.region", "520122000000");
            })
        .anySatisfy(user -> assertThat(user.displayName()).contains("纪委监委"))
        .anySatisfy(
            user -> {
              assertThat(user.mspId()).isEqualTo("TownshipOrgMSP");
              assertThat(user.displayName()).contains("温泉镇");
            });
    List<String> producerNames =
        data.users().stream()
            .filter(user -> "producer".equals(user.attrs().get("xl.role")))
            .map(DemoData.User::displayName)
            .toList();
    assertThat(producerNames)
        .anyMatch(name -> name.contains("合作社"))
        .anyMatch(name -> name.contains("家庭农场"))
        .anyMatch(name -> name.contains("公司"));
    assertThat(data.users())
        .allSatisfy(user -> assertThat(user.attrs().get("xl.region")).matches("520122[0-9]{6}"));
  }

  @Test
  @DisplayName("writes the planned products with the full range of commands")
  void steps() {
    Set<String> transactions =
        data.steps().stream().map(DemoData.Step::tx).collect(Collectors.toSet());
    assertThat(transactions)
        .contains(
            "registerProducer",
            "createBatch",
            "recordEvent",
            "splitBatch",
            "mergeBatches",
            "transformBatch",
            "shipBatch",
            "receiveBatch",
            "issueCertificate",
            "raiseWarning",
            "recallBatch",
            "handleRecall");
    String products =
        data.steps().stream().map(step -> step.arg().toString()).collect(Collectors.joining());
    for (String product :
        List.of("贡米", "吊瓜", "葡萄", "椪柑", "猕猴桃", "蜂蜜", "生态肉鸡", "生态鱼", "辣子鸡", "香肠", "腊肉", "辣椒")) {
      assertThat(products).as(product).contains(product);
    }
    Set<String> bizSteps =
        data.steps().stream()
            .filter(step -> step.tx().equals("recordEvent"))
            .map(step -> step.arg().path("bizStep").asString())
            .collect(Collectors.toSet());
    assertThat(bizSteps)
        .contains(
            "xl:planting",
            "xl:fertilizing",
            "xl:pesticide_applying",
            "xl:vet_drug_applying",
            "inspecting",
            "xl:harvesting",
            "packing");
  }

  @Test
  @DisplayName("every step is submitted as one of the demo users")
  void stepsUseKnownUsers() {
    Set<String> identities =
        data.users().stream().map(DemoData.User::identity).collect(Collectors.toSet());
    assertThat(data.steps()).allSatisfy(step -> assertThat(identities).contains(step.as()));
  }
}
