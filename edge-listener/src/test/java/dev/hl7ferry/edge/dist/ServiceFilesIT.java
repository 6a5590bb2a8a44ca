package dev.hl7ferry.edge.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hl7ferry.edge.dist.Release.Result;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service side of the tarball: systemd accepts its unit, and {@code install.sh} / {@code
 * uninstall.sh} lay out, upgrade and remove an installation (staged under DESTDIR).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ServiceFilesIT {
  private static final String UNIT = "systemd/hl7-ferry-edge.service";

  @TempDir static Path dir;
  static Release release;
  static Path home;

  @BeforeAll
  static void unpack() throws Exception {
    release = Release.ofThisBuild();
    home = release.unpackInto(dir);
  }

  @Test
  void unitIsHardenedAsTheIssueAsks() throws Exception {
    List<String> lines = Files.readAllLines(home.resolve(UNIT));
    for (String setting :
        List.of(
            "User=hl7-ferry",
            "ProtectSystem=strict",
            "ReadWritePaths=/var/lib/hl7-ferry",
            "NoNewPrivileges=yes",
            "PrivateTmp=yes",
            "LimitNOFILE=65536",
            "Restart=on-failure",
            "SuccessExitStatus=143",
            "ExecStart=/opt/hl7-ferry/current/bin/ferry-edge run"
                + " --config /etc/hl7-ferry/ferry-edge.yaml")) {
      assertTrue(lines.contains(setting), setting);
    }
    assertTrue(
        lines.stream().anyMatch(l -> l.contains("-Dorg.sqlite.tmpdir=/var/lib/hl7-ferry/tmp")),
        "sqlite-jdbc unpacks its library inside ReadWritePaths");
  }

  @Test
  void systemdAnalyzeVerifiesTheUnitWithoutAWord() throws Exception {
    Path analyze = onPath("systemd-analyze");
    assumeTrue(analyze != null, "systemd-analyze is not installed here");
    // ExecStart must name an existing executable: point it at the unpacked launcher.
    Path unit = dir.resolve("hl7-ferry-edge.service");
    Files.writeString(
        unit,
        Files.readString(home.resolve(UNIT))
            .replace(
                "/opt/hl7-ferry/current/bin/ferry-edge",
                home.resolve("bin/ferry-edge").toString()));
    Result verify = Result.run(dir, List.of(analyze.toString(), "verify", unit.toString()));
    assertEquals(0, verify.exit(), verify.output());
    assertEquals("", verify.output().strip(), "no warnings (unknown keys are only warned about)");
  }

  @Test
  void installUpgradeAndUninstallUnderDestdir() throws Exception {
    Path root = dir.resolve("root");
    Map<String, String> env = Map.of("DESTDIR", root.toString());
    Path opt = root.resolve("opt/hl7-ferry");
    Path config = root.resolve("etc/hl7-ferry/ferry-edge.yaml");

    Result install = Result.run(home, env, List.of("./install.sh"));
    assertEquals(0, install.exit(), install.output());
    assertTrue(install.output().contains("ferry-edge " + release.version()), install.output());
    assertEquals(Path.of(release.version()), Files.readSymbolicLink(opt.resolve("current")));
    assertTrue(Files.isExecutable(opt.resolve("current/bin/ferry-edge")));
    assertTrue(Files.isExecutable(opt.resolve("current/runtime/bin/java")));
    assertTrue(Files.isRegularFile(root.resolve("etc/systemd/system/hl7-ferry-edge.service")));
    assertTrue(Files.isDirectory(root.resolve("var/lib/hl7-ferry/spool")));
    assertTrue(Files.isDirectory(root.resolve("var/lib/hl7-ferry/tmp")));
    assertTrue(
        Files.readAllLines(config).contains("  dataDir: /var/lib/hl7-ferry/spool"),
        "the site's config puts the spool in the data directory");

    Files.writeString(config, Files.readString(config) + "# edited by the site\n");
    Result upgrade = Result.run(home, env, List.of("./install.sh"));
    assertEquals(0, upgrade.exit(), upgrade.output());
    assertTrue(Files.readString(config).endsWith("# edited by the site\n"), "config kept");

    Result uninstall = Result.run(home, env, List.of("./uninstall.sh"));
    assertEquals(0, uninstall.exit(), uninstall.output());
    assertFalse(Files.exists(opt), "program removed");
    assertFalse(Files.exists(root.resolve("etc/systemd/system/hl7-ferry-edge.service")));
    assertTrue(Files.isRegularFile(config), "config kept without --purge");
    assertTrue(Files.isDirectory(root.resolve("var/lib/hl7-ferry/spool")), "spool kept");

    Result purge = Result.run(home, env, List.of("./uninstall.sh", "--purge"));
    assertEquals(0, purge.exit(), purge.output());
    assertFalse(Files.exists(root.resolve("etc/hl7-ferry")));
    assertFalse(Files.exists(root.resolve("var/lib/hl7-ferry")));
  }

  private static Path onPath(String command) {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(entry.isEmpty() ? "." : entry, command);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
