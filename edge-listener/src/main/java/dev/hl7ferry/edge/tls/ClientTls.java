package dev.hl7ferry.edge.tls;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The client side of MLLP over TLS, loaded once and reused for every connection: the CAs the
 * server's certificate must chain to (the JDK's own when none are given), an optional client
 * certificate, and the name the server's certificate must carry (the host connected to unless
 * given). TLS 1.2 and 1.3 only; the name is checked like HTTPS does and sent as SNI.
 */
public final class ClientTls {
  private final SSLContext context;
  private final Optional<String> serverName;

  private ClientTls(SSLContext context, Optional<String> serverName) {
    this.context = context;
    this.serverName = serverName;
  }

  /**
   * @param caFile PEM CA certificates to trust, or empty for the JDK's trust store
   * @param certificateFile PEM client certificate chain, or empty; needs {@code privateKeyFile}
   * @param privateKeyFile PEM private key of the client certificate, or empty
   * @param serverName the name to verify and send as SNI, or empty for the host connected to
   */
  public static ClientTls load(
      Optional<Path> caFile,
      Optional<Path> certificateFile,
      Optional<Path> privateKeyFile,
      Optional<String> serverName)
      throws IOException {
    if (certificateFile.isPresent() != privateKeyFile.isPresent()) {
      throw new IOException("a client certificate needs both its certificate and its key file");
    }
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      if (caFile.isPresent()) {
        trust.init(trustStore(PemFiles.certificates(caFile.get())));
      } else {
        trust.init((KeyStore) null);
      }
      KeyManagerFactory keys = null;
      if (certificateFile.isPresent()) {
        List<X509Certificate> chain = PemFiles.certificates(certificateFile.get());
        PrivateKey key = PemFiles.privateKey(privateKeyFile.get());
        PemFiles.checkPair(key, chain.get(0), privateKeyFile.get());
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        char[] password = new char[0];
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", key, password, chain.toArray(X509Certificate[]::new));
        keys.init(store, password);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
      return new ClientTls(context, serverName.filter(n -> !n.isBlank()));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static KeyStore trustStore(List<X509Certificate> cas)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (int i = 0; i < cas.size(); i++) {
      store.setCertificateEntry("ca-" + i, cas.get(i));
    }
    return store;
  }

  /**
   * Runs the handshake over a connected {@code plain} socket to {@code host} and returns the TLS
   * socket; closing it closes {@code plain}. Fails when the server's certificate does not chain to
   * the CAs or does not carry the expected name.
   */
  public SSLSocket handshake(Socket plain, String host) throws IOException {
    String name = serverName.orElse(host);
    SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket(plain, name, plain.getPort(), true);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setProtocols(ServerTlsContext.PROTOCOLS);
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    socket.setSSLParameters(parameters);
    socket.startHandshake();
    return socket;
  }
}
