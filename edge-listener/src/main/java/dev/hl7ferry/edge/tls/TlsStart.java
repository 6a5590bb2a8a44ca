package dev.hl7ferry.edge.tls;

import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import java.util.Optional;

/**
 * The pipeline's TLS place: when the listener has TLS, puts an {@link
 * io.netty.handler.ssl.SslHandler} from the newest context and a {@link HandshakeLog} where it
 * stands; either way it then leaves.
 */
public final class TlsStart extends ChannelHandlerAdapter {
  private final Optional<ServerTlsContext> tls;

  public TlsStart(Optional<ServerTlsContext> tls) {
    this.tls = tls;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (tls.isPresent()) {
      String name = ctx.name();
      ctx.pipeline()
          .addAfter(name, "tls", tls.get().newHandler(ctx.alloc()))
          .addAfter("tls", "tls-handshake", new HandshakeLog());
    }
    ctx.pipeline().remove(this);
  }
}
