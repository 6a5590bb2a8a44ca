package dev.hl7ferry.edge.admin;

import dev.hl7ferry.edge.client.AckReply;
import dev.hl7ferry.edge.client.MllpClient;
import dev.hl7ferry.edge.config.ConfigLoader;
import dev.hl7ferry.edge.server.EdgeComponent;
import dev.hl7ferry.edge.server.EdgeServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real edge as {@code ferry-edge run} builds it (SQLite spool, MLLP on port 0) with its admin
 * port on a free port, for tests over real sockets: starts the admin port first, the listener when
 * told.
 */
final class AdminEdge implements AutoCloseable {
  private final EdgeServer server;
  private final AdminServer admin;
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private int mllpPort;

  private AdminEdge(EdgeComponent component) throws Exception {
    this.server = component.server();
    this.admin = component.admin().orElseThrow();
    InetSocketAddress bound = admin.start();
    this.base = URI.create("http://127.0.0.1:" + bound.getPort());
  }

  /** An edge with its spool in {@code dataDir} and {@code more} config keys; admin started. */
  static AdminEdge open(Path dataDir, Map<String, Object> more) throws Exception {
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("listener.port", 0);
    keys.put("listener.bindAddress", "127.0.0.1");
    keys.put("spool.dataDir", dataDir.toString());
    keys.put("admin.port", -1);
    keys.put("admin.refreshSeconds", 1);
    keys.putAll(more);
    return new AdminEdge(EdgeComponent.of(new ConfigLoader().load(null, keys)));
  }

  /** Binds the MLLP listener. */
  AdminEdge startListener() throws Exception {
    mllpPort = server.start().getPort();
    return this;
  }

  int mllpPort() {
    return mllpPort;
  }

  URI base() {
    return base;
  }

  /** Sends each control id as a small ORU^R01 on one connection; returns the ACK codes. */
  String send(String... controlIds) throws Exception {
    StringBuilder codes = new StringBuilder();
    try (MllpClient client = MllpClient.connect("127.0.0.1", mllpPort, Duration.ofSeconds(10))) {
      for (String id : controlIds) {
        client.send(message(id));
        codes.append(AckReply.parse(client.receive()).code()).append(' ');
      }
    }
    return codes.toString().strip();
  }

  static byte[] message(String controlId) {
    return ("MSH|^~\\&|LAB|NORTH|FERRY|CLOUD|20260101120000||ORU^R01^ORU_R01|"
            + controlId
            + "|P|2.5.1\rPID|1||100\rOBX|1|TX|||result\r")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** GET {@code path}, with an {@code Authorization} header when not null. */
  HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return get(path, null);
  }

  @Override
  public void close() {
    server.close();
    admin.close();
  }
}
