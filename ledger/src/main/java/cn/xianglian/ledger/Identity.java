package cn.xianglian.ledger;

import java.security.PrivateKey;
import java.util.Objects;

/**
 * An X.509 identity that signs transactions: a label for people, the MSP id of its organisation,
 * the PEM certificate (carrying Fabric CA attributes such as {@code xl.role} and {@code xl.region})
 * and its private key.
 */
public record Identity(String label, String mspId, String certificatePem, PrivateKey privateKey) {

  public Identity {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(mspId, "mspId");
    Objects.requireNonNull(certificatePem, "certificatePem");
  }

  @Override
  public String toString() {
    return "Identity[" + label + "@" + mspId + "]";
  }
}
