package dev.hl7ferry.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks currently unused ports, for servers that must know their port before they bind. */
public final class FreePorts {

  private FreePorts() {}

  /** A port nobody listens on right now on {@code host}; it may be taken by the time it is used. */
  public static int pick(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }
}
