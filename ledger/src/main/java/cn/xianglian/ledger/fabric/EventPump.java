package cn.xianglian.ledger.fabric;

import cn.xianglian.ledger.Subscription;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.client.CloseableIterator;

/** Drains a gateway event iterator on its own daemon thread until closed. */
final class EventPump {

  private static final Logger LOG = Logger.getLogger(EventPump.class.getName());

  private EventPump() {}

  static <T> Subscription start(String name, CloseableIterator<T> events, Consumer<T> listener) {
    Thread thread =
        Thread.ofPlatform()
            .name(name)
            .daemon()
            .start(
                () -> {
                  try {
                    while (events.hasNext()) {
                      listener.accept(events.next());
                    }
                  } catch (RuntimeException e) {
                    if (!Thread.currentThread().isInterrupted()) {
                      LOG.log(Level.WARNING, name + " stopped", e);
                    }
                  }
                });
    return () -> {
      thread.interrupt();
      events.close();
    };
  }
}
