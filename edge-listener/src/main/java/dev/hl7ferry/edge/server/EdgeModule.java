package dev.hl7ferry.edge.server;

import dagger.Module;
import dagger.Provides;
import dev.hl7ferry.core.ack.AckBuilder;
import dev.hl7ferry.core.ack.ControlIds;
import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.receive.AckSettings;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * Turns the configuration into the values ({@link Settings}) and shared services the server and
 * handlers take.
 */
@Module
public interface EdgeModule {

  @Provides
  static ServerSettings serverSettings(EdgeConfig config) {
    return Settings.server(config.listener());
  }

  @Provides
  static PipelineSettings pipelineSettings(EdgeConfig config) {
    return Settings.pipeline(config.listener());
  }

  @Provides
  static AckSettings ackSettings(EdgeConfig config) {
    return Settings.ack(config.ship());
  }

  @Provides
  @Singleton
  static CharsetPolicy charsetPolicy(EdgeConfig config) {
    return Settings.charset(config.charset());
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
}
