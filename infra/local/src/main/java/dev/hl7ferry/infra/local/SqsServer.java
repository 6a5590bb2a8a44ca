package dev.hl7ferry.infra.local;

import java.net.InetSocketAddress;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * An SQS-compatible server: ElasticMQ in memory. Its Pekko threads are not daemons, so it must be
 * closed explicitly or the JVM never exits.
 */
final class SqsServer implements AutoCloseable {

  private final SQSRestServer server;
  private final URI endpoint;

  private SqsServer(SQSRestServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  /** Starts ElasticMQ on {@code host:port} (0 = ephemeral). */
  static SqsServer start(LocalCloudConfig config) {
    // Queue URLs carry the port, so an ephemeral port is chosen before ElasticMQ binds.
    int port = config.sqsPort() == 0 ? FreePorts.pick(config.host()) : config.sqsPort();
    SQSRestServer server =
        SQSRestServerBuilder.withInterface(config.host())
            .withPort(port)
            .withServerAddress(new NodeAddress("http", config.host(), port, ""))
            .withAWSRegion(config.region())
            .start();
    InetSocketAddress bound;
    try {
      bound = server.waitUntilStarted().localAddress();
    } catch (RuntimeException e) {
      server.stopAndWait();
      throw new IllegalStateException("ElasticMQ did not start on port " + port, e);
    }
    return new SqsServer(server, URI.create("http://" + config.host() + ":" + bound.getPort()));
  }

  URI endpoint() {
    return endpoint;
  }

  int port() {
    return endpoint.getPort();
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
