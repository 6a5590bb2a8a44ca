package dev.hl7ferry.converter.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A template store in a local directory (the CLI and tests). The ETag is size and mtime. */
public final class FileSystemTemplateStore implements TemplateStore {
  private final Path root;

  public FileSystemTemplateStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Map<String, String> list() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        if (a.isRegularFile()) {
          String name = root.relativize(p).toString().replace('\\', '/');
          out.put(name, a.size() + "-" + a.lastModifiedTime().toMillis());
        }
      }
    }
    return out;
  }

  @Override
  public byte[] read(String name) throws IOException {
    Path p = root.resolve(name).normalize();
    if (!p.startsWith(root)) {
      throw new IOException("'" + name + "' is outside the template store");
    }
    return Files.readAllBytes(p);
  }

  @Override
  public String describe() {
    return root.toString();
  }
}
