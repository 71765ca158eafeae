package cn.xianglian.app;

import cn.xianglian.app.anchor.ProofDocuments;
import cn.xianglian.app.batch.BatchReader;
import cn.xianglian.app.config.XlProperties;
import cn.xianglian.app.epcis.EpcisExporter;
import cn.xianglian.app.identity.SecurityConfiguration;
import cn.xianglian.app.identity.UserDirectory;
import cn.xianglian.app.producer.PersonalDataSalts;
import cn.xianglian.app.system.Problems;
import cn.xianglian.app.system.TraceLedger;
import cn.xianglian.ledger.Identity;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} of the API needs besides the controllers, the error advice and the
 * size filter: the real gateway, readers, problem builder and security; tests mock only the {@link
 * cn.xianglian.ledger.LedgerClient} and {@link cn.xianglian.app.identity.CallerIdentities}.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(XlProperties.class)
@Import({
  SecurityConfiguration.class,
  UserDirectory.class,
  TraceLedger.class,
  BatchReader.class,
  EpcisExporter.class,
  Problems.class,
  PersonalDataSalts.class,
  ProofDocuments.class
})
public class WebSlice {

  /** The identity a logged-in test user signs as (never verified by the mocked ledger). */
  public static final Identity PRODUCER =
      new Identity("coop-test", "CoopOrgMSP", "-----BEGIN CERTIFICATE-----\n", null);

  /** The identity anonymous reads sign as. */
  public static final Identity READER =
      new Identity("public-reader", "CountyOrgMSP", "-----BEGIN CERTIFICATE-----\n", null);
}
