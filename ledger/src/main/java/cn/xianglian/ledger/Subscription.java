package cn.xianglian.ledger;

/** A running event delivery; closing it stops delivery. */
public interface Subscription extends AutoCloseable {
  @Override
  void close();
}
