package dev.hl7ferry.converter.cli;

import dev.hl7ferry.core.version.ManifestVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ferry-convert}: the template author's tool and the local runner. */
@Command(
    name = "ferry-convert",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description =
        "Renders HL7 Ferry templates offline, runs the converter against a local cloud and submits vendor results.",
    subcommands = {RenderCommand.class, RunLocalCommand.class, SubmitResultCommand.class})
public final class FerryConvert implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new FerryConvert()).execute(args));
  }
}
