package cn.xianglian.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xianglian.ledger.Identities;
import cn.xianglian.ledger.Identity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The embedded CA issues Fabric CA style client certificates")
class EmbeddedCaTest {

  @TempDir Path dir;

  @Test
  void a_leaf_carries_label_client_ou_and_the_attribute_extension() throws Exception {
    EmbeddedCa ca = EmbeddedCa.open(dir);
    Identity identity =
        ca.enroll(
            "township-officer",
            "TownshipOrgMSP",
            Map.of("xl.role", "township", "xl.region", "520122100000"));
    X509Certificate certificate = Identities.readCertificate(identity.certificatePem());
    byte[] extension = certificate.getExtensionValue(EmbeddedCa.ATTRIBUTE_EXTENSION_OID);

    assertThat(certificate.getSubjectX500Principal().getName())
        .isEqualTo("CN=township-officer,OU=client,O=townshiporg.xifeng.xianglian.cn");
    assertThat(certificate.getIssuerX500Principal().getName())
        .isEqualTo("CN=ca.townshiporg.xifeng.xianglian.cn,O=townshiporg.xifeng.xianglian.cn");
    assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(
            new String(ASN1OctetString.getInstance(extension).getOctets(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"attrs\":{\"hf.Affiliation\":\"\",\"hf.EnrollmentID\":\"township-officer\","
                + "\"hf.Type\":\"client\",\"xl.region\":\"520122100000\","
                + "\"xl.role\":\"township\"}}");
    ca.verifyMember("TownshipOrgMSP", certificate);
  }

  @Test
  void membership_is_checked_against_the_root_of_the_claimed_msp() throws Exception {
    EmbeddedCa ca = EmbeddedCa.open(dir.resolve("a"));
    X509Certificate coop =
        Identities.readCertificate(ca.enroll("coop-1", "CoopOrgMSP", Map.of()).certificatePem());
    X509Certificate foreign =
        Identities.readCertificate(
            EmbeddedCa.open(dir.resolve("b"))
                .enroll("coop-1", "CoopOrgMSP", Map.of())
                .certificatePem());

    ca.verifyMember("CoopOrgMSP", coop);
    assertThatThrownBy(() -> ca.verifyMember("CountyOrgMSP", coop))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("not issued by the root CA of CountyOrgMSP");
    assertThatThrownBy(() -> ca.verifyMember("CoopOrgMSP", foreign))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> ca.verifyMember("NoSuchMSP", coop))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("unknown MSP");
  }

  @Test
  void roots_are_kept_as_pem_files_and_survive_a_reopen() {
    EmbeddedCa first = EmbeddedCa.open(dir);
    String root = first.rootCertificatePem("CountyOrgMSP");

    assertThat(dir.resolve("CountyOrgMSP").resolve("ca-cert.pem")).content().isEqualTo(root);
    assertThat(dir.resolve("CountyOrgMSP").resolve("ca-key.pem"))
        .content()
        .startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(EmbeddedCa.open(dir).rootCertificatePem("CountyOrgMSP")).isEqualTo(root);
  }

  @Test
  void a_malformed_msp_id_or_blank_label_is_refused() {
    EmbeddedCa ca = EmbeddedCa.open(dir);

    assertThatThrownBy(() -> ca.enroll("x", "../escape", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ca.enroll(" ", "CoopOrgMSP", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Arrays.asList(dir.toFile().list())).doesNotContain("..", "escape");
  }
}
