package cn.xianglian.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@DisplayName("The application's architecture")
class ArchitectureTest {

  private static JavaClasses app;

  @BeforeAll
  static void importClasses() {
    app =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.xianglian.app");
  }

  @Test
  @DisplayName("controllers are package-private")
  void controllersArePackagePrivate() {
    classes()
        .that()
        .areAnnotatedWith(RestController.class)
        .or()
        .areAnnotatedWith(RestControllerAdvice.class)
        .should()
        .bePackagePrivate()
        .check(app);
  }

  @Test
  @DisplayName("only the configuration package names a ledger adapter")
  void onlyConfigurationKnowsTheAdapter() {
    noClasses()
        .that()
        .resideOutsideOfPackage("cn.xianglian.app.config..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("cn.xianglian.ledger.embedded..")
        .check(app);
  }

  @Test
  @DisplayName("controllers reach the ledger only through the application's gateway")
  void controllersDoNotCallTheLedgerDirectly() {
    noClasses()
        .that()
        .areAnnotatedWith(RestController.class)
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("cn.xianglian.ledger.LedgerClient")
        .check(app);
  }

  @Test
  @DisplayName("the import sees the configuration's use of the adapter (the rules are not vacuous)")
  void importSeesTheApplication() {
    var embedded = app.get("cn.xianglian.app.config.LedgerConfiguration$Embedded");
    assertThat(embedded.getDirectDependenciesFromSelf())
        .anyMatch(
            dependency ->
                dependency
                    .getTargetClass()
                    .getPackageName()
                    .equals("cn.xianglian.ledger.embedded"));
    assertThat(app.stream().filter(c -> c.isAnnotatedWith(RestController.class)))
        .hasSizeGreaterThan(5);
  }
}
