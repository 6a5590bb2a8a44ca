package dev.hl7ferry.cdk;

import dev.hl7ferry.cdk.settings.ConverterZip;
import dev.hl7ferry.cdk.settings.FerrySettings;
import dev.hl7ferry.cdk.stack.FerryStack;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;

/**
 * The CDK app: one {@link FerryStack} named by context {@code stackName} (default {@code
 * HL7Ferry}), checked by cdk-nag's AwsSolutions and HIPAA Security packs. Run by {@code
 * scripts/deploy} (or the cdk CLI), which sets the context and output directory.
 */
public final class FerryApp {
  private FerryApp() {}

  /** Builds the app and its stack from the app's context. */
  public static FerryStack build(App app) {
    // Server access logs delivered under a bucket policy instead of the legacy ACL.
    app.getNode().setContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);
    FerrySettings settings = FerrySettings.fromContext(app.getNode()::tryGetContext);
    Object name = app.getNode().tryGetContext("stackName");
    FerryStack stack =
        new FerryStack(
            app,
            name == null ? "HL7Ferry" : String.valueOf(name),
            StackProps.builder()
                .description("HL7 Ferry: bucket, queues, converter, edge roles and alarms")
                .build(),
            settings,
            ConverterZip.resolve(settings.converterZip()));
    checkWithNag(app);
    return stack;
  }

  /**
   * Adds cdk-nag's AwsSolutions and HIPAA Security rule packs as CDK policy-validation plugins: an
   * unacknowledged finding fails the synth (the reasons for the acknowledged ones are in {@code
   * NagFindings}) and every finding is listed in {@code policy-validation-report.json}.
   */
  public static void checkWithNag(App app) {
    NagPackProps props = NagPackProps.builder().verbose(true).build();
    Validations.of(app)
        .addPlugins(new AwsSolutionsChecks(app, props), new HIPAASecurityChecks(app, props));
  }

  public static void main(String[] args) {
    App app = new App();
    build(app);
    app.synth();
  }
}
