package dev.hl7ferry.edge.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Provider;

/** Builds each accepted connection's pipeline from {@link ProtocolModule}'s ordered list. */
@Sharable
final class EdgeChannelInitializer extends ChannelInitializer<SocketChannel> {
  private final List<Provider<? extends ChannelHandler>> handlers;
  private final ChannelGroup connections;

  @Inject
  EdgeChannelInitializer(
      List<Provider<? extends ChannelHandler>> handlers, ChannelGroup connections) {
    this.handlers = handlers;
    this.connections = connections;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    connections.add(ch);
    for (Provider<? extends ChannelHandler> handler : handlers) {
      ch.pipeline().addLast(handler.get());
    }
  }
}
