package dev.hl7ferry.edge.server;

import dagger.Module;
import dagger.Provides;
import dev.hl7ferry.core.ack.AckBuilder;
import dev.hl7ferry.core.ack.ControlIds;
import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.edge.config.CharsetConfig;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.config.ListenerConfig;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Named;
import javax.inject.Singleton;

/** Turns the configuration into the values and shared services the server and handlers take. */
@Module
public interface EdgeModule {

  @Provides
  static ListenerConfig listener(EdgeConfig config) {
    return config.listener();
  }

  @Provides
  @Singleton
  static CharsetPolicy charsetPolicy(EdgeConfig config) {
    CharsetConfig c = config.charset();
    return new CharsetPolicy(Charset.forName(c.fallback()), c.latin1AsWindows1252(), c.strict());
  }

  @Provides
  @Singleton
  static AckBuilder ackBuilder(Clock clock) {
    return new AckBuilder(new ControlIds(), clock);
  }

  @Provides
  @Singleton
  @Named("openConnections")
  static AtomicInteger openConnections() {
    return new AtomicInteger();
  }

  @Provides
  @Singleton
  static ChannelGroup connections() {
    return new DefaultChannelGroup("mllp-connections", GlobalEventExecutor.INSTANCE);
  }

  @Provides
  static ServerSettings serverSettings(ListenerConfig c) {
    return new ServerSettings(
        c.bindAddress(),
        c.port(),
        c.ioThreads(),
        java.time.Duration.ofSeconds(c.shutdownGraceSeconds()));
  }
}
