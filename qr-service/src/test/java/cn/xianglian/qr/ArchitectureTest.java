package cn.xianglian.qr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core (codec, signatures, runs, layout, heuristics) stays framework-free. */
class ArchitectureTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.xianglian.qr");

  static final String[] FRAMEWORKS = {
    "org.springframework..", "tools.jackson..", "com.fasterxml..", "org.hyperledger..",
    "cn.xianglian.ledger..", "com.google.zxing..", "org.openpdf..", "jakarta.."
  };

  @Test
  void digital_link_and_signing_use_no_framework() {
    noClasses()
        .that()
        .resideInAnyPackage("cn.xianglian.qr.digitallink..", "cn.xianglian.qr.signing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .check(CLASSES);
  }

  @Test
  void the_run_model_and_issuance_service_use_no_framework() {
    noClasses()
        .that()
        .resideInAPackage("cn.xianglian.qr.issuance..")
        .and()
        .haveSimpleNameNotEndingWith("Controller")
        .and()
        .haveSimpleNameNotStartingWith("Ledger")
        .and()
        .haveSimpleNameNotStartingWith("CodeRunJson")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .check(CLASSES);
  }

  @Test
  void label_layout_and_scan_heuristics_are_pure() {
    noClasses()
        .that()
        .haveFullyQualifiedName("cn.xianglian.qr.label.LabelLayout")
        .or()
        .haveFullyQualifiedName("cn.xianglian.qr.scan.CounterfeitHeuristics")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .check(CLASSES);
  }

  @Test
  void the_core_does_not_reach_into_the_web_edges() {
    noClasses()
        .that()
        .resideInAnyPackage("cn.xianglian.qr.digitallink..", "cn.xianglian.qr.signing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "cn.xianglian.qr.resolve..",
            "cn.xianglian.qr.label..",
            "cn.xianglian.qr.scan..",
            "cn.xianglian.qr.system..",
            "cn.xianglian.qr.issuance..")
        .check(CLASSES);
  }
}
