package dev.hl7ferry.edge.server;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import java.util.List;

/** Builds each connection's pipeline on one listener from {@link ProtocolModule}'s ordered list. */
@Sharable
final class EdgeChannelInitializer extends ChannelInitializer<SocketChannel> {
  private final Listener listener;
  private final List<HandlerFactory> handlers;
  private final ChannelGroup connections;

  EdgeChannelInitializer(
      Listener listener, List<HandlerFactory> handlers, ChannelGroup connections) {
    this.listener = listener;
    this.handlers = handlers;
    this.connections = connections;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    connections.add(ch);
    for (HandlerFactory handler : handlers) {
      ch.pipeline().addLast(handler.create(listener));
    }
  }
}
