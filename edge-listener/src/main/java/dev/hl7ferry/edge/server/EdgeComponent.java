package dev.hl7ferry.edge.server;

import dagger.BindsInstance;
import dagger.Component;
import dev.hl7ferry.edge.admin.AdminServer;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.receive.ReceiveModule;
import java.util.Optional;
import javax.inject.Singleton;

/** The edge listener's object graph: two entry points, the server and its admin port. */
@Singleton
@Component(
    modules = {
      EdgeModule.class,
      ClockModule.class,
      SpoolModule.class,
      ShipModule.class,
      OutboundModule.class,
      ReceiveModule.class,
      ProtocolModule.class,
      AdminModule.class
    })
public interface EdgeComponent {

  /** The listener, not yet started. */
  EdgeServer server();

  /** The admin port, not yet started; empty when {@code admin.port} is 0. */
  Optional<AdminServer> admin();

  /** Builds the graph from a loaded configuration. */
  @Component.Factory
  interface Factory {
    EdgeComponent create(@BindsInstance EdgeConfig config);
  }

  /** The graph for {@code config}. */
  static EdgeComponent of(EdgeConfig config) {
    return DaggerEdgeComponent.factory().create(config);
  }
}
