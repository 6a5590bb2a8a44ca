package dev.hl7ferry.edge.server;

import dagger.BindsInstance;
import dagger.Component;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.receive.ReceiveModule;
import dev.hl7ferry.edge.spool.Spool;
import java.time.Clock;
import javax.inject.Singleton;

/** The production graph with the spool and the clock supplied by the test. */
@Singleton
@Component(
    modules = {
      EdgeModule.class,
      ShipModule.class,
      OutboundModule.class,
      ReceiveModule.class,
      ProtocolModule.class,
      AdminModule.class
    })
interface TestEdgeComponent {
  EdgeServer server();

  @Component.Factory
  interface Factory {
    TestEdgeComponent create(
        @BindsInstance EdgeConfig config, @BindsInstance Spool spool, @BindsInstance Clock clock);
  }
}
