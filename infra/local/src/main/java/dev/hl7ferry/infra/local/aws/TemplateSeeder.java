package dev.hl7ferry.infra.local.aws;

import dev.hl7ferry.infra.local.LocalCloud;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Copies a local template folder (routes file, templates, lookup tables) to the bucket's {@code
 * templates/} prefix, as a vendor would upload it, so the converter finds it on its first record.
 * Relative paths become keys with {@code /} separators.
 */
public final class TemplateSeeder {
  /** The prefix the converter reads its template store from. */
  public static final String PREFIX = "templates/";

  private TemplateSeeder() {}

  /** Uploads every regular file under {@code folder}; returns the keys written, sorted. */
  public static List<String> seed(LocalCloud cloud, Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("not a template folder: " + folder);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    try (S3Client s3 = LocalClients.s3(cloud)) {
      return files.stream()
          .map(
              file -> {
                String key = PREFIX + folder.relativize(file).toString().replace('\\', '/');
                s3.putObject(b -> b.bucket(cloud.bucket()).key(key), RequestBody.fromFile(file));
                return key;
              })
          .toList();
    }
  }
}
