package cn.xianglian.app.integrity;

/**
 * The ledger adapter's own check of its block chain (every block's hashes and links), if it has
 * one; the embedded ledger's re-reads its block file. Provided by {@code cn.xianglian.app.config}.
 */
@FunctionalInterface
public interface ChainVerifier {

  /**
   * Verifies the whole chain.
   *
   * @return the number of blocks verified
   * @throws IllegalStateException naming the first damaged block
   */
  long verifyChain();
}
