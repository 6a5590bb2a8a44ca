package dev.hl7ferry.cdk.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the converter's Lambda package: a zip file, or the one {@code *-lambda.zip} in a folder.
 */
public final class ConverterZip {
  /** Where Maven leaves it, relative to {@code infra/cdk} (the synth's working directory). */
  public static final String DEFAULT_DIRECTORY = "../../converter-function/target";

  private ConverterZip() {}

  /** The zip file itself; fails naming the build command when it is not there. */
  public static Path resolve(Path fileOrDirectory) {
    if (Files.isRegularFile(fileOrDirectory)) {
      return fileOrDirectory;
    }
    List<Path> found = List.of();
    if (Files.isDirectory(fileOrDirectory)) {
      try (Stream<Path> files = Files.list(fileOrDirectory)) {
        found =
            files.filter(p -> p.getFileName().toString().endsWith("-lambda.zip")).sorted().toList();
      } catch (IOException e) {
        throw new IllegalStateException("cannot list " + fileOrDirectory, e);
      }
    }
    if (found.size() != 1) {
      throw new IllegalStateException(
          "converterZip: expected one *-lambda.zip in "
              + fileOrDirectory.toAbsolutePath().normalize()
              + ", found "
              + found.size()
              + " (build it: mvn -B -pl converter-function -am package -DskipTests)");
    }
    return found.get(0);
  }
}
