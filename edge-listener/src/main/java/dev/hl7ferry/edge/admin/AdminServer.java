package dev.hl7ferry.edge.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hl7ferry.edge.metrics.EdgeMetrics;
import dev.hl7ferry.edge.status.Readiness;
import dev.hl7ferry.edge.status.StatusBoard;
import dev.hl7ferry.edge.status.StatusSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin port: {@code /healthz} (the process answers), {@code /readyz} (listeners bound, spool
 * writable, disk space; 503 otherwise), {@code /metrics} (Prometheus text), {@code /} (the status
 * page) and {@code /status.json}. Two threads of its own serve it, apart from the MLLP event loops;
 * a third samples the message rate every two seconds.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

  private final AdminSettings settings;
  private final StatusSource status;
  private final StatusBoard board;
  private final EdgeMetrics metrics;
  private final StatusPage page;
  private HttpServer server;
  private ExecutorService workers;
  private ScheduledExecutorService ticker;

  public AdminServer(
      AdminSettings settings, StatusSource status, StatusBoard board, EdgeMetrics metrics) {
    this.settings = settings;
    this.status = status;
    this.board = board;
    this.metrics = metrics;
    this.page = StatusPage.load(settings.refreshSeconds());
  }

  /** Binds and starts serving; returns the bound address (useful with port 0). */
  public synchronized InetSocketAddress start() throws IOException {
    InetAddress address = InetAddress.getByName(settings.bindAddress());
    server = HttpServer.create(new InetSocketAddress(address, settings.port()), 16);
    server.createContext("/", this::handle);
    workers = Executors.newFixedThreadPool(2, named("admin-http"));
    server.setExecutor(workers);
    server.start();
    ticker = Executors.newSingleThreadScheduledExecutor(named("admin-tick"));
    ticker.scheduleAtFixedRate(board::tick, 0, 2, TimeUnit.SECONDS);
    InetSocketAddress bound = server.getAddress();
    LOG.info(
        "admin port on http://{}:{}/ ({})",
        bound.getAddress().getHostAddress(),
        bound.getPort(),
        settings.token().isPresent() ? "access token required" : "no access token");
    if (settings.token().isEmpty() && !address.isLoopbackAddress()) {
      LOG.warn(
          "admin port on {} without an access token: anyone who reaches it reads the status"
              + " (counts and control ids); set admin.tokenFile or FERRY_ADMIN_TOKEN",
          settings.bindAddress());
    }
    return bound;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Responses.securityHeaders(exchange);
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        Responses.text(exchange, 405, "method not allowed\n");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/healthz")) {
        Responses.text(exchange, 200, "ok\n");
        return;
      }
      if (settings.token().isPresent()
          && !settings
              .token()
              .get()
              .admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"HL7 Ferry edge\"");
        exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"HL7 Ferry edge\"");
        Responses.text(exchange, 401, "access token required\n");
        return;
      }
      switch (path) {
        case "/readyz" -> ready(exchange);
        case "/metrics" ->
            Responses.send(exchange, 200, EdgeMetrics.CONTENT_TYPE, metrics.scrape());
        case "/status.json" ->
            Responses.send(exchange, 200, "application/json", StatusJson.write(status.snapshot()));
        case "/", "/index.html" ->
            Responses.send(exchange, 200, StatusPage.CONTENT_TYPE, page.html());
        default -> Responses.text(exchange, 404, "not found\n");
      }
    } catch (IOException e) {
      LOG.debug("admin request failed: {}", e.toString());
    } catch (RuntimeException e) {
      LOG.warn("admin request {} failed", exchange.getRequestURI().getPath(), e);
    }
  }

  private void ready(HttpExchange exchange) throws IOException {
    Readiness readiness = status.readiness();
    StringBuilder body = new StringBuilder(readiness.ready() ? "ready\n" : "not ready\n");
    for (Readiness.Check c : readiness.checks()) {
      body.append(c.ok() ? "ok   " : "FAIL ")
          .append(c.name())
          .append(": ")
          .append(c.detail())
          .append(c.required() ? "" : " (reported, does not affect readiness)")
          .append('\n');
    }
    Responses.text(exchange, readiness.ready() ? 200 : 503, body.toString());
  }

  private static java.util.concurrent.ThreadFactory named(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops serving at once (probes get connection refused, as for a stopped edge). */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    server.stop(0);
    workers.shutdownNow();
    ticker.shutdownNow();
    metrics.close();
    server = null;
  }
}
