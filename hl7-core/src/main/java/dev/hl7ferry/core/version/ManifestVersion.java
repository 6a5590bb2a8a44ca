package dev.hl7ferry.core.version;

import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Answers {@code --version} with the command's name and the {@code Implementation-Version} of the
 * jar its class came from (the pom version, written by the jar plugin), so no version is typed
 * twice.
 */
public final class ManifestVersion implements IVersionProvider {
  /** What is printed instead of a version when the classes do not come from a built jar. */
  public static final String UNKNOWN = "(version unknown: not run from a built jar)";

  @Spec CommandSpec spec;

  @Override
  public String[] getVersion() {
    CommandSpec root = spec.root();
    return new String[] {root.name() + " " + of(root.userObject().getClass())};
  }

  /** The {@code Implementation-Version} of the jar holding {@code type}, or {@link #UNKNOWN}. */
  public static String of(Class<?> type) {
    Package pkg = type.getPackage();
    String version = pkg == null ? null : pkg.getImplementationVersion();
    return version == null || version.isBlank() ? UNKNOWN : version;
  }
}
