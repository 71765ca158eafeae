package cn.xianglian.app.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application's {@code xl.*} settings.
 *
 * @param ledger which ledger adapter to wire: {@code embedded} (default) or, later, {@code fabric}
 * @param data where the embedded ledger, CA and users file live
 * @param wallet the directory of wallet identity files and the label used for anonymous reads
 * @param demo whether the 息烽 demo dataset is loaded on first start
 * @param api request limits of the REST API
 */
@ConfigurationProperties("xl")
public record XlProperties(
    @DefaultValue("embedded") String ledger,
    @DefaultValue Data data,
    @DefaultValue Wallet wallet,
    @DefaultValue Demo demo,
    @DefaultValue Api api) {

  /** The data directory (ledger, CA, users file, demo marker). */
  public record Data(@DefaultValue("./data") Path dir) {}

  /** Wallet directory and the identity that signs anonymous (public) queries. */
  public record Wallet(
      @DefaultValue("./data/wallet") Path dir, @DefaultValue("public-reader") String readerLabel) {}

  /** Demo data switch. */
  public record Demo(@DefaultValue("true") boolean enabled) {}

  /** Request body limit in bytes (the contract rejects arguments over 64 KiB anyway). */
  public record Api(@DefaultValue("65536") int maxRequestBytes) {}
}
