package dev.hl7ferry.core.version;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ManifestVersionTest {

  /** A command whose classes come from the test output folder, not from a jar. */
  @Command(name = "probe", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class)
  static final class Probe implements Runnable {
    @Override
    public void run() {}
  }

  /** A class with no dependencies, copied into a jar by the test. */
  static final class Marker {}

  @Test
  void classesOutsideAJarPrintTheCommandNameAndThatTheVersionIsUnknown() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Probe());
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("--version"));
    assertEquals("probe " + ManifestVersion.UNKNOWN, out.toString().strip());
  }

  @Test
  void aClassFromAJarHasTheJarsImplementationVersion(@TempDir Path dir) throws Exception {
    String entry = Marker.class.getName().replace('.', '/') + ".class";
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "7.7.7-test");
    Path jar = dir.resolve("marker.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream in = Marker.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      out.write(bytes.toByteArray());
      out.closeEntry();
    }
    // No parent: the class must come from the jar, not from the test output folder.
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Class<?> fromJar = loader.loadClass(Marker.class.getName());
      assertEquals("7.7.7-test", ManifestVersion.of(fromJar));
    }
    assertEquals(ManifestVersion.UNKNOWN, ManifestVersion.of(Marker.class));
  }
}
