package dev.hl7ferry.edge.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener's TLS context, rebuilt when its PEM files change (modification time or size, checked
 * every {@link ServerTls#reloadCheck}) so a renewed certificate is served without a restart: new
 * connections get the new context, open ones keep theirs. A renewal that does not load (a key
 * written before its certificate, a damaged file) is logged and the previous context kept.
 */
public final class ServerTlsContext implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerTlsContext.class);
  static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private final ServerTls settings;
  private final ScheduledExecutorService checker;
  private volatile Loaded current;

  private record Loaded(SslContext context, List<String> stamps, X509Certificate leaf) {}

  private ServerTlsContext(ServerTls settings, Loaded first) {
    this.settings = settings;
    this.current = first;
    this.checker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tls-reload");
              t.setDaemon(true);
              return t;
            });
    long every = settings.reloadCheck().toMillis();
    checker.scheduleWithFixedDelay(this::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
  }

  /** Loads the files (failing with the file named) and starts watching them. */
  public static ServerTlsContext open(ServerTls settings) throws IOException {
    ServerTlsContext context = new ServerTlsContext(settings, load(settings));
    LOG.info("TLS listener certificate {}", describe(context.current.leaf()));
    warnIfNotValid(context.current.leaf());
    return context;
  }

  /** A handler for one new connection, from the newest context. */
  public SslHandler newHandler(ByteBufAllocator allocator) {
    return current.context().newHandler(allocator);
  }

  /** The leaf certificate new connections are served. */
  public X509Certificate certificate() {
    return current.leaf();
  }

  /** Rebuilds the context when a file changed; keeps the old one when the new files fail. */
  void reloadIfChanged() {
    try {
      List<String> stamps = stamps(settings);
      if (stamps.equals(current.stamps())) {
        return;
      }
      Loaded renewed = load(settings);
      current = renewed;
      LOG.info("TLS files changed; new connections get {}", describe(renewed.leaf()));
      warnIfNotValid(renewed.leaf());
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "TLS files changed but do not load; still serving the previous ones: {}", e.getMessage());
    }
  }

  private static Loaded load(ServerTls s) throws IOException {
    // Stamps first: a file replaced while loading is seen changed at the next check.
    List<String> stamps = stamps(s);
    List<X509Certificate> chain = PemFiles.certificates(s.certificateFile());
    PrivateKey key = PemFiles.privateKey(s.privateKeyFile());
    PemFiles.checkPair(key, chain.get(0), s.privateKeyFile());
    SslContextBuilder builder =
        SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
            .sslProvider(SslProvider.JDK)
            .protocols(PROTOCOLS);
    if (s.clientCaFile().isPresent()) {
      builder
          .trustManager(
              PemFiles.certificates(s.clientCaFile().get()).toArray(X509Certificate[]::new))
          .clientAuth(s.requireClientCert() ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
    }
    return new Loaded(builder.build(), stamps, chain.get(0));
  }

  private static List<String> stamps(ServerTls s) throws IOException {
    List<Path> files = new ArrayList<>(List.of(s.certificateFile(), s.privateKeyFile()));
    s.clientCaFile().ifPresent(files::add);
    List<String> stamps = new ArrayList<>();
    for (Path file : files) {
      // The real path catches a symlink switched to a new file (certbot's live/ directory), the
      // file key (inode) a file replaced by a rename within the same clock tick.
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      stamps.add(
          file.toRealPath() + "@" + a.lastModifiedTime() + "/" + a.size() + "/" + a.fileKey());
    }
    return stamps;
  }

  /** Served anyway (the files are what the operator gave), but every client will refuse it. */
  private static void warnIfNotValid(X509Certificate c) {
    try {
      c.checkValidity();
    } catch (java.security.cert.CertificateException e) {
      LOG.warn(
          "TLS listener certificate is not valid now ({} to {}); clients will refuse it",
          c.getNotBefore().toInstant(),
          c.getNotAfter().toInstant());
    }
  }

  private static String describe(X509Certificate c) {
    return "subject="
        + c.getSubjectX500Principal().getName()
        + " serial="
        + c.getSerialNumber().toString(16)
        + " notAfter="
        + c.getNotAfter().toInstant();
  }

  @Override
  public void close() {
    checker.shutdownNow();
  }
}
