package dev.hl7ferry.infra.local;

import dev.hl7ferry.infra.local.aws.TemplateSeeder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local cloud until SIGTERM or Ctrl-C and prints its endpoints, queue URLs and credentials
 * as {@code key=value} lines.
 *
 * <pre>
 * LocalCloudMain [--data-dir DIR] [--s3-port N] [--sqs-port N] [--sites a,b] [--standard]
 *                [--vendors v1,v2] [--templates DIR]
 * </pre>
 *
 * <p>{@code --vendors} creates per vendor its results queue {@code hl7-ferry-results-{vendor}}
 * (standard, with {@code -dlq}) and {@code hl7-ferry-vendor-{vendor}.fifo}, standing in for the
 * vendor's own service as a cloud destination.
 *
 * <p>{@code --templates DIR} uploads a converter template folder to {@code templates/} once the
 * servers are up.
 */
public final class LocalCloudMain {

  private LocalCloudMain() {}

  public static void main(String[] args) throws InterruptedException {
    LocalCloudConfig config;
    Path templates;
    try {
      List<String> rest = new ArrayList<>(Arrays.asList(args));
      templates = takeTemplates(rest);
      config = parse(rest.toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(
          "usage: LocalCloudMain [--data-dir DIR] [--s3-port N] [--sqs-port N] [--sites a,b]"
              + " [--standard] [--vendors v1,v2] [--templates DIR]");
      System.exit(2);
      return;
    }
    LocalCloud cloud = LocalCloud.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  cloud.close();
                  System.out.println("local cloud stopped");
                  stopped.countDown();
                },
                "local-cloud-shutdown"));
    if (templates != null) {
      List<String> keys = TemplateSeeder.seed(cloud, templates);
      System.out.println("templates=" + keys.size() + " objects from " + templates);
    }
    System.out.print(cloud.describe());
    System.out.println("local cloud ready (Ctrl-C or SIGTERM stops it)");
    System.out.flush();
    stopped.await();
  }

  /** Removes {@code --templates DIR} from {@code rest}; returns DIR or null. */
  static Path takeTemplates(List<String> rest) {
    int at = rest.indexOf("--templates");
    if (at < 0) {
      return null;
    }
    rest.remove(at);
    if (at >= rest.size()) {
      throw new IllegalArgumentException("--templates needs a value");
    }
    return Path.of(rest.remove(at));
  }

  /** Turns command-line flags into a config on top of the defaults. */
  static LocalCloudConfig parse(String[] args) {
    LocalCloudConfig config = LocalCloudConfig.defaults();
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      switch (flag) {
        case "--data-dir" -> config = config.withS3DataDir(Path.of(value(flag, rest)));
        case "--s3-port" -> config = config.withPorts(port(flag, rest), config.sqsPort());
        case "--sqs-port" -> config = config.withPorts(config.s3Port(), port(flag, rest));
        case "--sites" -> config = config.withSites(Arrays.asList(value(flag, rest).split(",")));
        case "--standard" -> config = config.withFifo(false);
        case "--vendors" ->
            config = config.withVendors(Arrays.asList(value(flag, rest).split(",")));
        default -> throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    return config;
  }

  private static String value(String flag, List<String> rest) {
    if (rest.isEmpty()) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return rest.remove(0);
  }

  private static int port(String flag, List<String> rest) {
    String text = value(flag, rest);
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + ": not a port number: " + text, e);
    }
  }
}
