package dev.hl7ferry.edge.cli;

import dev.hl7ferry.edge.admin.AdminServer;
import dev.hl7ferry.edge.config.ConfigException;
import dev.hl7ferry.edge.config.ConfigLoader;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.config.SpoolConfig.Durability;
import dev.hl7ferry.edge.server.EdgeComponent;
import dev.hl7ferry.edge.server.EdgeServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ferry-edge run}: the listener, until SIGTERM or Ctrl-C stops it gracefully. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the MLLP listener.")
final class RunCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
  Path config;

  @Option(names = "--port", paramLabel = "N", description = "Overrides listener.port.")
  Integer port;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Overrides spool.dataDir.")
  Path dataDir;

  @Option(
      names = "--admin-port",
      paramLabel = "N",
      description = "Overrides admin.port (health, metrics, status page); 0 turns it off.")
  Integer adminPort;

  @Option(
      names = "--durability",
      paramLabel = "full|none",
      description =
          "Overrides spool.durability. 'none' stores NOTHING and is for benchmarks only:"
              + " acknowledged messages are lost.")
  Durability durability;

  @Override
  public Integer call() throws Exception {
    EdgeConfig loaded;
    try {
      loaded = new ConfigLoader().load(config, overrides());
    } catch (ConfigException e) {
      System.err.println("ferry-edge: configuration error: " + e.getMessage());
      return 2;
    }
    if (loaded.spool().durability() == Durability.NONE) {
      System.err.println(
          "ferry-edge: WARNING durability none: messages are acknowledged and NOT stored");
    }
    EdgeComponent component = EdgeComponent.of(loaded);
    EdgeServer server = component.server();
    Optional<AdminServer> admin = component.admin();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  admin.ifPresent(AdminServer::close);
                  stopped.countDown();
                },
                "ferry-edge-shutdown"));
    // The admin port first: /readyz says "not ready" until the listener is bound.
    if (admin.isPresent()) {
      startAdmin(admin.get());
    }
    InetSocketAddress address = server.start();
    System.out.println("ferry-edge listening on port " + address.getPort());
    System.out.flush();
    stopped.await();
    return 0;
  }

  /**
   * Starts the admin port; one that cannot bind is logged and left off: the edge still receives and
   * acknowledges, only its health checks, metrics and status page are missing.
   */
  private static void startAdmin(AdminServer admin) {
    try {
      InetSocketAddress bound = admin.start();
      System.out.println(
          "ferry-edge admin on http://"
              + bound.getAddress().getHostAddress()
              + ":"
              + bound.getPort()
              + "/");
    } catch (java.io.IOException e) {
      org.slf4j.LoggerFactory.getLogger(RunCommand.class)
          .error(
              "admin port not started (health, metrics and status page are off): {}", e.toString());
    }
  }

  private Map<String, Object> overrides() {
    Map<String, Object> overrides = new LinkedHashMap<>();
    if (port != null) {
      overrides.put("listener.port", port);
    }
    if (dataDir != null) {
      overrides.put("spool.dataDir", dataDir.toString());
    }
    if (adminPort != null) {
      overrides.put("admin.port", adminPort);
    }
    if (durability != null) {
      overrides.put("spool.durability", durability.name());
    }
    return overrides;
  }
}
