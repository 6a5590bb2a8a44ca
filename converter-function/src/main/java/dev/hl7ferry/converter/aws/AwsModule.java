package dev.hl7ferry.converter.aws;

import dagger.Module;
import dagger.Provides;
import dev.hl7ferry.converter.config.FunctionSettings;
import dev.hl7ferry.converter.destination.CachedSecrets;
import dev.hl7ferry.converter.destination.CloudRouter;
import dev.hl7ferry.converter.destination.WebhookSender;
import dev.hl7ferry.converter.dispatch.Clouds;
import dev.hl7ferry.converter.dispatch.OutboundQueues;
import dev.hl7ferry.converter.dispatch.PayloadStore;
import dev.hl7ferry.converter.store.TemplateStore;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Binds the cloud-facing interfaces of the core to their S3/SQS implementations. */
@Module
public final class AwsModule {
  private AwsModule() {}

  @Provides
  @Singleton
  static SdkHttpClient http() {
    return AwsClients.http();
  }

  @Provides
  @Singleton
  static S3Client s3(FunctionSettings settings, SdkHttpClient http) {
    return AwsClients.s3(settings, http);
  }

  @Provides
  @Singleton
  static SqsClient sqs(FunctionSettings settings, SdkHttpClient http) {
    return AwsClients.sqs(settings, http);
  }

  @Provides
  @Singleton
  static PayloadStore payloads(S3Client s3) {
    return new S3Payloads(s3);
  }

  @Provides
  @Singleton
  static OutboundQueues queues(SqsClient sqs, FunctionSettings settings) {
    return new SqsOutboundQueues(sqs, settings.outboundQueue());
  }

  @Provides
  @Singleton
  static Clouds clouds(
      SqsClient sqs, S3Client s3, SdkHttpClient http, FunctionSettings settings, Clock clock) {
    return new Clouds(
        new CloudRouter(
            new AwsCloudSender(sqs, s3, () -> AwsClients.eventBridge(settings, http)),
            new WebhookSender(
                clock,
                new CachedSecrets(
                    new SecretsManagerSecrets(() -> AwsClients.secretsManager(settings, http))))),
        new S3Originals(s3, settings.bucket(), settings.maxInputBytes()));
  }

  @Provides
  @Singleton
  static TemplateStore templates(S3Client s3, FunctionSettings settings) {
    return new S3TemplateStore(s3, settings.bucket(), settings.templatesPrefix());
  }
}
