package dev.hl7ferry.converter.lambda;

import dagger.BindsInstance;
import dagger.Component;
import dev.hl7ferry.converter.aws.AwsModule;
import dev.hl7ferry.converter.config.FunctionSettings;
import dev.hl7ferry.converter.dispatch.BatchProcessor;
import dev.hl7ferry.converter.store.TemplateCatalog;
import javax.inject.Singleton;

/** The function's one Dagger component: settings in, the batch processor out. */
@Singleton
@Component(modules = {FunctionModule.class, AwsModule.class})
public interface ConverterComponent {

  /**
   * The template catalog (S3 client and store included), for loading it ahead of the first event.
   */
  TemplateCatalog catalog();

  /** The wired batch processor. */
  BatchProcessor batches();

  /** Creates the component from settings. */
  @Component.Factory
  interface Factory {
    ConverterComponent create(@BindsInstance FunctionSettings settings);
  }

  /** The component for {@code settings}. */
  static ConverterComponent of(FunctionSettings settings) {
    return DaggerConverterComponent.factory().create(settings);
  }
}
