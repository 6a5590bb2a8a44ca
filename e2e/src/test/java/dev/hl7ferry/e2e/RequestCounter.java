package dev.hl7ferry.e2e;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS SDK call made in this JVM by service and operation, for the benchmarks' "calls
 * per message" line. The SDK applies it to every client it builds because it is listed in {@code
 * software/amazon/awssdk/global/handlers/execution.interceptors} on the e2e test classpath; it only
 * counts.
 */
public final class RequestCounter implements ExecutionInterceptor {
  private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String name =
        attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
            + "."
            + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    CALLS.computeIfAbsent(name, k -> new LongAdder()).increment();
  }

  /** The calls so far, by service and operation. */
  static Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    CALLS.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }
}
