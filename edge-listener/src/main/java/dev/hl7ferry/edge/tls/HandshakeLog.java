package dev.hl7ferry.edge.tls;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits behind the {@link io.netty.handler.ssl.SslHandler}: a failed handshake is logged once, as
 * the peer and one reason, and the connection closed; the exceptions the failure also raises stop
 * here instead of being logged again further in. Nothing of a message exists before a handshake, so
 * nothing of one can be logged.
 */
public final class HandshakeLog extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(HandshakeLog.class);

  private static final int MAX_REASON = 160;

  private boolean done;

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof SslHandshakeCompletionEvent handshake) {
      done = true;
      if (!handshake.isSuccess()) {
        LOG.warn(
            "TLS handshake failed peer={} id={} reason={}",
            ctx.channel().remoteAddress(),
            ctx.channel().id(),
            reason(handshake.cause()));
        ctx.close();
        return;
      }
      ctx.pipeline().remove(this);
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!done) {
      // Plaintext or a broken hello before the handshake event: one line, then close.
      done = true;
      LOG.warn(
          "TLS handshake failed peer={} id={} reason={}",
          ctx.channel().remoteAddress(),
          ctx.channel().id(),
          reason(cause));
    }
    ctx.close();
  }

  /**
   * The innermost cause's message, the one that says what was wrong, cut to {@value #MAX_REASON}
   * characters. Netty's "not an SSL/TLS record" message carries a hex dump of the bytes received —
   * a plaintext sender's whole message — so it is replaced by a fixed text.
   */
  static String reason(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      if (root instanceof NotSslRecordException) {
        break;
      }
      root = root.getCause();
    }
    if (root instanceof NotSslRecordException) {
      return "not a TLS record (a plain MLLP sender?)";
    }
    String message = root.getMessage();
    if (message == null) {
      return root.getClass().getSimpleName();
    }
    return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON) + "...";
  }
}
