package cn.xianglian.ledger.anchor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The anchoring core (trees, proofs, service, ports) needs nothing but the JDK and the port. */
class AnchorPurityTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.xianglian.ledger.anchor");

  @Test
  @DisplayName("cn.xianglian.ledger.anchor depends only on java.* and the LedgerClient port")
  void coreIsFrameworkFree() {
    classes()
        .that()
        .resideInAPackage("cn.xianglian.ledger.anchor")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "cn.xianglian.ledger", "cn.xianglian.ledger.anchor")
        .check(CLASSES);
  }
}
