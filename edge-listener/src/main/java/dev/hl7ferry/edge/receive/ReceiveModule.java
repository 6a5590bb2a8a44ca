package dev.hl7ferry.edge.receive;

import dagger.Module;
import dagger.Provides;
import dev.hl7ferry.core.ack.AckBuilder;
import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.edge.events.EdgeEvents;
import dev.hl7ferry.edge.ship.Shipper;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.inject.Singleton;

/**
 * The receive side's ACK policy: the {@link CloudHandoff} over the shipper (or {@link
 * CloudHandoff#NONE} when nothing ships), the {@link AckGate} every positive ACK passes, and the
 * {@link AckReplies} that build each answer.
 */
@Module
public interface ReceiveModule {

  @Provides
  @Singleton
  static CloudHandoff handoff(Optional<Shipper> shipper) {
    if (shipper.isEmpty()) {
      return CloudHandoff.NONE;
    }
    Shipper s = shipper.get();
    return new CloudHandoff() {
      @Override
      public void stored() {
        s.wake();
      }

      @Override
      public CompletableFuture<Void> whenShipped(String entryId) {
        return s.whenShipped(entryId);
      }
    };
  }

  @Provides
  @Singleton
  static AckReplies replies(AckBuilder acks, CharsetPolicy policy, EdgeEvents events) {
    return new AckReplies(acks, policy, events);
  }

  @Provides
  @Singleton
  static AckGate ackGate(CloudHandoff handoff, AckSettings ack) {
    return new AckGate(handoff, ack.ackAfter(), ack.timeout());
  }
}
