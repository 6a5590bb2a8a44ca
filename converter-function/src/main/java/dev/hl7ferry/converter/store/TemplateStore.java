package dev.hl7ferry.converter.store;

import java.io.IOException;
import java.util.Map;

/**
 * Where templates live (an S3 prefix, a directory). Names are relative to the store root with
 * {@code /} separators, e.g. {@code routes.yaml}, {@code hospital-a/oru.hl7.liquid}.
 */
public interface TemplateStore {

  /** Every file's name and its ETag (any string that changes when the content changes). */
  Map<String, String> list() throws IOException;

  /** One file's bytes. */
  byte[] read(String name) throws IOException;

  /** A short description for logs and errors, e.g. {@code s3://bucket/templates/}. */
  String describe();
}
