package dev.hl7ferry.cdk.edgeconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code EdgeConfigMain OUTPUTS_JSON STACK_NAME OUT_DIR}: writes {@code edge-{site}.yaml} per site
 * from {@code cdk deploy --outputs-file} and prints the files written. Run by {@code
 * scripts/deploy}.
 */
public final class EdgeConfigMain {
  private EdgeConfigMain() {}

  /** Writes the files; returns their paths. */
  public static List<Path> write(Path outputs, String stackName, Path outDir) throws IOException {
    List<SiteEdge> sites =
        StackOutputs.sites(Files.readString(outputs), stackName, StackOutputs.EDGE_OUTPUT_PREFIX);
    Files.createDirectories(outDir);
    List<Path> written = new ArrayList<>();
    for (SiteEdge site : sites) {
      Path file = outDir.resolve("edge-" + site.site() + ".yaml");
      Files.writeString(file, EdgeYaml.render(site, stackName));
      written.add(file);
    }
    return written;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: EdgeConfigMain OUTPUTS_JSON STACK_NAME OUT_DIR");
      System.exit(2);
    }
    try {
      for (Path file : write(Path.of(args[0]), args[1], Path.of(args[2]))) {
        System.out.println(file);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }
}
