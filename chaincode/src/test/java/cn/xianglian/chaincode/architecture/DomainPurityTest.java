package cn.xianglian.chaincode.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The domain stays framework-free: no Fabric, Jackson or Spring in its imports. */
class DomainPurityTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.xianglian.chaincode");

  @Test
  @DisplayName("domain packages depend on no framework")
  void domainIsPure() {
    noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.hyperledger..", "tools.jackson..", "com.fasterxml..", "org.springframework..")
        .check(CLASSES);
  }

  @Test
  @DisplayName("the error catalogue the domain throws is framework-free too")
  void errorsArePure() {
    noClasses()
        .that()
        .haveFullyQualifiedName("cn.xianglian.chaincode.domain.ErrorCode")
        .or()
        .haveFullyQualifiedName("cn.xianglian.chaincode.domain.XlException")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.hyperledger..", "tools.jackson..", "com.fasterxml..", "org.springframework..")
        .check(CLASSES);
  }

  @Test
  @DisplayName("only the common package's LedgerState talks to the stub's state methods")
  void onlyLedgerStateTouchesTheStub() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "cn.xianglian.chaincode.trace..",
            "cn.xianglian.chaincode.finance..",
            "cn.xianglian.chaincode.party..",
            "cn.xianglian.chaincode.grid..")
        .should()
        .callMethodWhere(
            com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                    "(get|put|del)(State|PrivateData)")))
        .check(CLASSES);
  }

  @Test
  @DisplayName("the shared packages know no feature: common and domain import no trace or finance")
  void sharedPackagesKnowNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage("cn.xianglian.chaincode.common..", "cn.xianglian.chaincode.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "cn.xianglian.chaincode.trace..",
            "cn.xianglian.chaincode.finance..",
            "cn.xianglian.chaincode.party..",
            "cn.xianglian.chaincode.grid..")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage("cn.xianglian.chaincode.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("cn.xianglian.chaincode.common..")
        .check(CLASSES);
  }

  @Test
  @DisplayName("the finance domain is free of the trace domain")
  void featuresAreIndependent() {
    noClasses()
        .that()
        .resideInAPackage("cn.xianglian.chaincode.finance..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("cn.xianglian.chaincode.trace..")
        .check(CLASSES);
  }
}
