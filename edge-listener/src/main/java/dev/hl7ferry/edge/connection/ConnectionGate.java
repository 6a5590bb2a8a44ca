package dev.hl7ferry.edge.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A check a new connection must pass before anything else sees it: a refused one is counted and
 * logged through the {@link RefusalLog}, closed at once, and never seen by the handlers behind
 * (neither its activation, nor its bytes, nor its close). One instance per connection.
 */
public abstract class ConnectionGate extends ChannelInboundHandlerAdapter {
  private final RefusalLog refusals;
  private final String listener;
  private boolean admitted;

  protected ConnectionGate(RefusalLog refusals, String listener) {
    this.refusals = refusals;
    this.listener = listener;
  }

  /** Why {@code ctx}'s connection is refused, or null to let it in (and hold what it counts). */
  protected abstract String refusal(ChannelHandlerContext ctx);

  /** Gives back what {@link #refusal} took for an admitted connection, once it closes. */
  protected void release(ChannelHandlerContext ctx) {}

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    String reason = refusal(ctx);
    if (reason != null) {
      refusals.refuse(peer(ctx.channel().remoteAddress()), listener, reason);
      ctx.close();
      return;
    }
    admitted = true;
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (admitted) {
      ctx.fireChannelRead(msg);
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (admitted) {
      admitted = false;
      release(ctx);
      super.channelInactive(ctx);
    }
  }

  /** The peer's IP address as text (no port), or the address's own text when it is not IP. */
  static String peer(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(address);
  }
}
