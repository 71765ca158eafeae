package cn.xianglian.ledger.embedded;

/** A block record that fails its checksum, its data hash or the hash chain. */
final class CorruptBlockException extends Exception {

  CorruptBlockException(String message) {
    super(message);
  }
}
