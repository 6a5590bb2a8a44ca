package dev.hl7ferry.cdk.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hl7ferry.cdk.FerryApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * One synth of the real app (cdk-nag packs included) shared by the assertion tests: two sites, a
 * Roles Anywhere CA, a named principal, Object Lock, two vendors ({@code vendors.example.yaml}:
 * every destination type) and a small stand-in for the Lambda zip.
 */
final class SynthesizedStack {
  static final String STACK = "HL7FerryTest";
  static final String PRINCIPAL = "arn:aws:iam::111122223333:role/ferry-ops";
  static final String VENDORS = "vendors.example.yaml";

  private static SynthesizedStack instance;
  private static RuntimeException failure;

  final Path outdir;
  final Template template;
  final JsonNode json;
  final JsonNode validationReport;

  private SynthesizedStack() throws IOException {
    Path dir = Files.createTempDirectory("ferry-cdk");
    Path zip = dir.resolve("converter-function-test-lambda.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("lib/stand-in.jar"));
      out.write(new byte[] {'P', 'K'});
      out.closeEntry();
    }
    Path ca = Path.of("src/test/resources/trust/test-ca.pem").toAbsolutePath();
    outdir = dir.resolve("cdk.out");
    App app =
        new App(
            AppProps.builder()
                .outdir(outdir.toString())
                .context(
                    Map.of(
                        "stackName",
                        STACK,
                        "sites",
                        "north,south-2",
                        "converterZip",
                        zip.toString(),
                        "caCertificateFile",
                        ca.toString(),
                        "edgePrincipals",
                        PRINCIPAL,
                        "archiveLockDays",
                        "365",
                        "alarmEmail",
                        "ops@example.org",
                        "vendorsFile",
                        VENDORS))
                .build());
    FerryApp.build(app);
    CloudAssembly assembly = app.synth();
    JsonMapper mapper = new JsonMapper();
    json = mapper.readTree(outdir.resolve(STACK + ".template.json").toFile());
    template = Template.fromString(mapper.writeValueAsString(json));
    validationReport = mapper.readTree(outdir.resolve("validation-report.json").toFile());
    if (assembly.getStackByName(STACK) == null) {
      throw new IllegalStateException("no stack " + STACK);
    }
  }

  /** The one synth; a failed synth fails every test at once instead of synthesizing again. */
  static synchronized SynthesizedStack get() {
    if (failure != null) {
      throw failure;
    }
    if (instance == null) {
      try {
        instance = new SynthesizedStack();
      } catch (IOException e) {
        failure = new UncheckedIOException(e);
        throw failure;
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
    }
    return instance;
  }

  /** Resources of one type, logical id to resource. */
  Map<String, Map<String, Object>> resources(String type) {
    return template.findResources(type);
  }
}
