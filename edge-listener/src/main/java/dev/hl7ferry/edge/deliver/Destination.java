package dev.hl7ferry.edge.deliver;

/**
 * Where outputs go: delivers one output at a time and says how it went. Called by one delivery
 * thread at a time; {@link #close} may come from another thread and cuts a running attempt short.
 */
public interface Destination extends AutoCloseable {

  /** The destination's configured name. */
  String name();

  /**
   * Makes one attempt. Every failure is a result, never an exception, so the caller only decides
   * what to do next.
   *
   * @throws InterruptedException when the delivering thread was interrupted
   */
  DeliveryResult deliver(Output output) throws InterruptedException;

  /** Releases connections; a later {@link #deliver} may open them again. */
  @Override
  void close();
}
