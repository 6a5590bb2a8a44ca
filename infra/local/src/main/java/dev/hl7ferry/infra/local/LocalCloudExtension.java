package dev.hl7ferry.infra.local;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one {@link LocalCloud} per test class, started before the first test and
 * stopped after the last.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalCloudExtension CLOUD =
 *     new LocalCloudExtension(LocalCloudConfig.defaults().withSites(List.of("north")));
 *
 * @Test
 * void something() {
 *   String queue = CLOUD.cloud().inboundQueueUrl();
 * }
 * }</pre>
 *
 * <p>Or {@code @ExtendWith(LocalCloudExtension.class)} with default settings, taking a {@code
 * LocalCloud} parameter in tests, lifecycle methods or the constructor. Register it on a static
 * field: the cloud belongs to the class.
 */
public final class LocalCloudExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private final LocalCloudConfig config;
  private volatile LocalCloud cloud;

  /** Default settings (used by {@code @ExtendWith}). */
  public LocalCloudExtension() {
    this(LocalCloudConfig.defaults());
  }

  public LocalCloudExtension(LocalCloudConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The running cloud; only valid between the class's first and last test. */
  public LocalCloud cloud() {
    LocalCloud current = cloud;
    if (current == null) {
      throw new IllegalStateException(
          "the local cloud is not running: register LocalCloudExtension on a static field");
    }
    return current;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (cloud == null) {
      cloud = LocalCloud.start(config);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    LocalCloud current = cloud;
    cloud = null;
    if (current != null) {
      current.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalCloud.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cloud();
  }
}
