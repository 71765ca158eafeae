package cn.xianglian.ledger.embedded;

/** The height at which a key was last written: block number and index of the transaction in it. */
record Version(long block, int tx) {}
