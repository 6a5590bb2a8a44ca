package dev.hl7ferry.edge.connection;

import io.netty.util.NetUtil;
import java.net.InetAddress;

/**
 * An address range written as {@code address/prefix} (IPv4 or IPv6; an address alone is one host),
 * parsed from a literal only, never through DNS.
 *
 * @param network the range's first address, host bits cleared
 * @param prefix how many leading bits must match
 */
public record Cidr(byte[] network, int prefix) {

  /**
   * Parses {@code 10.0.0.0/8}, {@code ::1}, {@code fc00::/7}, {@code 0.0.0.0/0}.
   *
   * @throws IllegalArgumentException saying what is wrong with {@code text}
   */
  public static Cidr parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("an empty entry is not an address range");
    }
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
    if (bytes == null) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an IP address or address/prefix range (no host names)");
    }
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(trimmed.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException(
            "'" + text + "': the prefix must be between 0 and " + bits);
      }
    }
    return new Cidr(mask(bytes, prefix), prefix);
  }

  /** Whether {@code address} is in this range (an IPv4 address never matches an IPv6 range). */
  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    return candidate.length == network.length
        && java.util.Arrays.equals(mask(candidate, prefix), network);
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] masked = bytes.clone();
    for (int i = 0; i < masked.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      masked[i] &= (byte) (0xFF << (8 - keep));
    }
    return masked;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefix == prefix && java.util.Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(network) + prefix;
  }
}
