package dev.hl7ferry.edge.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The status page: one self-contained HTML file (inline CSS and script, nothing fetched but {@code
 * /status.json}) read from the classpath once, with its refresh interval filled in.
 */
final class StatusPage {
  static final String CONTENT_TYPE = "text/html; charset=utf-8";
  private static final String RESOURCE = "status.html";
  private static final String REFRESH = "__REFRESH_SECONDS__";

  private final String html;

  private StatusPage(String html) {
    this.html = html;
  }

  static StatusPage load(int refreshSeconds) {
    try (InputStream in = StatusPage.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new StatusPage(text.replace(REFRESH, Integer.toString(refreshSeconds)));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
  }

  String html() {
    return html;
  }
}
