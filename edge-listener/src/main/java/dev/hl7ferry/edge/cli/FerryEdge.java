package dev.hl7ferry.edge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ferry-edge} command: the executable jar's main class. */
@Command(
    name = "ferry-edge",
    mixinStandardHelpOptions = true,
    versionProvider = dev.hl7ferry.core.version.ManifestVersion.class,
    description = "HL7 Ferry edge listener: receive HL7 over MLLP, store durably, acknowledge.",
    subcommands = {
      RunCommand.class,
      SendCommand.class,
      BenchCommand.class,
      SpoolCommand.class,
      SinkCommand.class,
      OutboundCommand.class
    })
public final class FerryEdge {

  public static void main(String[] args) {
    LogFormat.settle();
    System.exit(commandLine().execute(args));
  }

  /** The command line with every subcommand, for main and tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new FerryEdge()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
