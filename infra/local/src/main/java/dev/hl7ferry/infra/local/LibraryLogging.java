package dev.hl7ferry.infra.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps S3Proxy, Jetty, Pekko and ElasticMQ quiet: they log every request at DEBUG when nothing
 * configures them. Only loggers without an explicit level are touched, so a logback file wins.
 */
final class LibraryLogging {

  private static final String[] NOISY = {
    "org.gaul",
    "org.eclipse.jetty",
    "org.apache.pekko",
    "org.elasticmq",
    "software.amazon.awssdk",
    "com.google",
    "org.apache.http",
    "org.apache.hc"
  };

  private LibraryLogging() {}

  static void quiet() {
    if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext)) {
      return;
    }
    for (String name : NOISY) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      if (logger.getLevel() == null) {
        logger.setLevel(Level.WARN);
      }
    }
  }
}
