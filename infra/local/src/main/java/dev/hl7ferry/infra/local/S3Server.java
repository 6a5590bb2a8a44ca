package dev.hl7ferry.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/** An S3-compatible server: S3Proxy over an in-memory or a filesystem blob store. */
final class S3Server implements AutoCloseable {

  private final BlobStore blobStore;
  private final S3Proxy proxy;
  private final URI endpoint;

  private S3Server(BlobStore blobStore, S3Proxy proxy, URI endpoint) {
    this.blobStore = blobStore;
    this.proxy = proxy;
    this.endpoint = endpoint;
  }

  /** Starts S3Proxy on {@code host:port} (0 = ephemeral) and creates {@code bucket} if missing. */
  static S3Server start(LocalCloudConfig config, StaticCredentials credentials) {
    BlobStore store = blobStore(config.s3DataDir());
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://" + config.host() + ":" + config.s3Port()))
            .awsAuthentication(
                AuthenticationType.AWS_V2_OR_V4,
                credentials.accessKeyId(),
                credentials.secretAccessKey())
            // SDK v2 sends SSE, checksum and other x-amz headers S3Proxy does not model.
            .ignoreUnknownHeaders(true)
            .metricsEnabled(false)
            .jettyMaxThreads(64)
            .build();
    try {
      proxy.start();
      awaitStarted(proxy);
    } catch (Exception e) {
      stopQuietly(proxy, e);
      throw new IllegalStateException("S3Proxy did not start on port " + config.s3Port(), e);
    }
    URI endpoint = URI.create("http://" + config.host() + ":" + proxy.getPort());
    if (!store.containerExists(config.bucket())) {
      store.createContainer(config.bucket());
    }
    return new S3Server(store, proxy, endpoint);
  }

  URI endpoint() {
    return endpoint;
  }

  int port() {
    return endpoint.getPort();
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop cleanly", e);
    } finally {
      blobStore.close();
    }
  }

  private static BlobStore blobStore(Path dataDir) {
    if (dataDir == null) {
      return new TransientNio2BlobStore();
    }
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create S3 data directory " + dataDir, e);
    }
    return new FilesystemNio2BlobStore(dataDir.toAbsolutePath().toString());
  }

  /** Jetty starts asynchronously in S3Proxy; the port is known once it reports STARTED. */
  private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy state is " + proxy.getState() + " after 10 s");
      }
      Thread.sleep(5);
    }
  }

  private static void stopQuietly(S3Proxy proxy, Exception cause) {
    try {
      proxy.stop();
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }
}
