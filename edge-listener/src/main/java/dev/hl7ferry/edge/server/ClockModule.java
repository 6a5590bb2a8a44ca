package dev.hl7ferry.edge.server;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;

/** The wall clock (UTC); a module of its own so tests can bind a clock they move. */
@Module
public interface ClockModule {

  @Provides
  @Singleton
  static Clock clock() {
    return Clock.systemUTC();
  }
}
