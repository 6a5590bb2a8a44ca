package dev.hl7ferry.edge.status;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The MLLP listeners the server has bound, for readiness and the status page. */
@Singleton
public final class Listeners {

  /**
   * One bound listener.
   *
   * @param address the bound address
   * @param tls whether it speaks MLLP over TLS
   */
  public record Bound(InetSocketAddress address, boolean tls) {}

  private final List<Bound> bound = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  @Inject
  public Listeners() {}

  /** The server bound {@code address}. */
  public void bound(InetSocketAddress address, boolean tls) {
    bound.add(new Bound(address, tls));
  }

  /** The server stopped accepting on every listener. */
  public void closed() {
    closed = true;
  }

  /** The listeners bound and still accepting; empty before the start and after the stop. */
  public List<Bound> accepting() {
    return closed ? List.of() : List.copyOf(bound);
  }
}
