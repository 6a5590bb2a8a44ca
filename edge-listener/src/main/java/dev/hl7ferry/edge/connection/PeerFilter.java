package dev.hl7ferry.edge.connection;

import io.netty.channel.ChannelHandlerContext;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The listener's allow list: a peer whose address is in none of its ranges is refused. Addresses
 * that are not IP (in-process channels) are let in.
 */
public final class PeerFilter extends ConnectionGate {
  private final List<Cidr> allow;

  public PeerFilter(List<Cidr> allow, RefusalLog refusals, String listener) {
    super(refusals, listener);
    this.allow = List.copyOf(allow);
  }

  @Override
  protected String refusal(ChannelHandlerContext ctx) {
    if (!(ctx.channel().remoteAddress() instanceof InetSocketAddress inet)
        || inet.getAddress() == null) {
      return null;
    }
    for (Cidr range : allow) {
      if (range.contains(inet.getAddress())) {
        return null;
      }
    }
    return "not in the listener's allow list";
  }
}
