package dev.hl7ferry.converter.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import dev.hl7ferry.converter.config.FunctionSettings;
import dev.hl7ferry.converter.dispatch.BatchProcessor;
import dev.hl7ferry.converter.dispatch.Clouds;
import dev.hl7ferry.converter.dispatch.OutboundQueues;
import dev.hl7ferry.converter.dispatch.PayloadStore;
import dev.hl7ferry.converter.dispatch.RecordLimits;
import dev.hl7ferry.converter.dispatch.RecordProcessor;
import dev.hl7ferry.converter.dispatch.ResultProcessor;
import dev.hl7ferry.converter.result.ResultSource;
import dev.hl7ferry.converter.store.TemplateCatalog;
import dev.hl7ferry.converter.store.TemplateStore;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The core's object graph. Nothing here reads the clock or the network at construction; the
 * template store loads on the first record or, outside SnapStart, from {@link TemplatePrefetch}.
 */
@Module
final class FunctionModule {
  private FunctionModule() {}

  @Provides
  @Singleton
  static ObjectMapper json() {
    return new ObjectMapper();
  }

  @Provides
  @Singleton
  static Clock clock() {
    return Clock.systemUTC();
  }

  @Provides
  @Singleton
  static TemplateCatalog catalog(TemplateStore store, FunctionSettings settings) {
    return new TemplateCatalog(store, settings.templateTtl());
  }

  @Provides
  @Singleton
  static RecordProcessor records(
      TemplateCatalog catalog,
      PayloadStore payloads,
      OutboundQueues queues,
      Clouds clouds,
      FunctionSettings settings,
      Clock clock,
      ObjectMapper json) {
    return new RecordProcessor(
        catalog,
        payloads,
        queues,
        clouds,
        settings.inline(),
        settings.bucket(),
        new RecordLimits(settings.maxInputBytes(), settings.renderTimeout()),
        clock,
        json);
  }

  @Provides
  @Singleton
  static ResultProcessor results(
      TemplateCatalog catalog,
      PayloadStore payloads,
      Clouds clouds,
      FunctionSettings settings,
      Clock clock,
      ObjectMapper json) {
    return new ResultProcessor(
        catalog,
        payloads,
        clouds,
        settings.inline(),
        settings.bucket(),
        new RecordLimits(settings.maxInputBytes(), settings.renderTimeout()),
        clock,
        json,
        settings::deployedSites);
  }

  @Provides
  @Singleton
  static BatchProcessor batches(
      RecordProcessor records, ResultProcessor results, FunctionSettings settings) {
    return new BatchProcessor(records, results, ResultSource.of(settings.resultsQueue()));
  }
}
