package dev.hl7ferry.edge.server;

import io.netty.channel.ChannelHandler;

/** Makes one handler of a new connection on {@code listener} ({@link ProtocolModule}'s order). */
@FunctionalInterface
public interface HandlerFactory {
  ChannelHandler create(Listener listener);
}
