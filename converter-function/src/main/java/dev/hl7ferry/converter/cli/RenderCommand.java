package dev.hl7ferry.converter.cli;

import dev.hl7ferry.converter.dispatch.Keys;
import dev.hl7ferry.converter.render.Conversion;
import dev.hl7ferry.converter.render.Converter;
import dev.hl7ferry.converter.render.Output;
import dev.hl7ferry.converter.render.TemplateLookup;
import dev.hl7ferry.converter.route.Route;
import dev.hl7ferry.converter.route.RouteConfigException;
import dev.hl7ferry.converter.route.RouteTable;
import dev.hl7ferry.converter.store.FileSystemTemplateStore;
import dev.hl7ferry.converter.store.TemplateCatalog;
import dev.hl7ferry.converter.store.TemplateSet;
import dev.hl7ferry.converter.template.Fresh;
import dev.hl7ferry.converter.template.TemplateCompiler;
import dev.hl7ferry.converter.template.TemplateException;
import dev.hl7ferry.core.ack.Hl7Timestamp;
import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.core.charset.MessageDecoder;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.message.Hl7Message;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code render --template FILE --message FILE [--routes FILE]}: renders offline and prints the
 * output, or the error with the template's name and line (exit 1). With {@code --routes} the
 * message is routed first and the outputs of the routes using the template are printed.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "Render a template against a message file and print the result.")
final class RenderCommand implements Callable<Integer> {

  @Option(names = "--template", required = true, description = "Template file (.liquid or .tpl).")
  Path template;

  @Option(names = "--message", required = true, description = "HL7 v2 message file.")
  Path message;

  @Option(
      names = "--routes",
      description = "Routes file; its folder is the store root (includes, lookup tables).")
  Path routes;

  @Option(
      names = "--cr",
      description = "Print HL7 segments ended by CR as sent, instead of one line per segment.")
  boolean carriageReturns;

  @Override
  public Integer call() throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try {
      Hl7Message parsed =
          new MessageDecoder(CharsetPolicy.DEFAULT).decode(Files.readAllBytes(message)).message();
      String id = Keys.sha256Hex(Files.readAllBytes(message)).substring(0, 16);
      Fresh fresh0 = new Fresh(new Hl7Timestamp(Clock.systemUTC()).now(), "");
      for (Output o : render(parsed, id, fresh0)) {
        if (routes != null) {
          out.println(
              "# route " + o.route() + " -> " + o.destination() + " (" + o.template() + ")");
        }
        String text = o.content();
        out.print(carriageReturns ? text : text.replace("\r", System.lineSeparator()));
        if (!text.endsWith("\r")) {
          out.println();
        }
      }
      return 0;
    } catch (TemplateException | RouteConfigException | Hl7ParseException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private List<Output> render(Hl7Message parsed, String id, Fresh fresh0)
      throws IOException, TemplateException, RouteConfigException {
    Path root = (routes != null ? routes : template).toAbsolutePath().getParent();
    String name = root.relativize(template.toAbsolutePath()).toString().replace('\\', '/');
    TemplateLookup set;
    RouteTable table;
    if (routes != null) {
      TemplateSet loaded = load(root);
      table = loaded.routes();
      set = loaded;
    } else {
      // Only the files the template asks for are read: the folder may hold anything.
      TemplateCompiler compiler = new TemplateCompiler(file -> readWithin(root, file));
      set = compiler::compile;
      table =
          new RouteTable(
              dev.hl7ferry.converter.route.MatchMode.FIRST_MATCH,
              dev.hl7ferry.converter.route.UnmatchedPolicy.RECORD_AND_DROP,
              List.of(new Route("render", List.of(), name, List.of("stdout"))));
    }
    Conversion conversion =
        Converter.convert(
            parsed,
            table,
            set,
            (route, destination) ->
                new Fresh(fresh0.timestamp(), Keys.controlId(id, route.name(), destination)));
    List<Output> mine = new ArrayList<>();
    for (Output o : conversion.outputs()) {
      if (o.template().equals(name)) {
        mine.add(o);
      }
    }
    if (mine.isEmpty()) {
      throw new TemplateException(
          name,
          0,
          conversion.unmatched()
              ? "no route in " + routes + " matches the message"
              : "the routes matching the message do not use this template",
          null);
    }
    return mine;
  }

  private static Optional<String> readWithin(Path root, String name) {
    Path p = root.resolve(name).normalize();
    if (!p.startsWith(root) || !Files.isRegularFile(p)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder as a store, with the routes file named as the store expects. */
  private TemplateSet load(Path root) throws IOException {
    if (routes == null || routes.getFileName().toString().equals(TemplateSet.ROUTES)) {
      return new TemplateCatalog(new FileSystemTemplateStore(root), Duration.ZERO)
          .current(Instant.now());
    }
    Map<String, String> texts = new TreeMap<>();
    Map<String, String> etags = new TreeMap<>();
    FileSystemTemplateStore store = new FileSystemTemplateStore(root);
    for (Map.Entry<String, String> e : store.list().entrySet()) {
      texts.put(e.getKey(), new String(store.read(e.getKey()), StandardCharsets.UTF_8));
      etags.put(e.getKey(), e.getValue());
    }
    texts.put(TemplateSet.ROUTES, Files.readString(routes));
    return new TemplateSet(texts, etags);
  }
}
