package dev.hl7ferry.converter.template;

import dev.hl7ferry.converter.view.MessageView;
import dev.hl7ferry.core.message.Hl7Message;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.Template;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.exceptions.LiquidException;
import liqp.nodes.LNode;
import liqp.parser.v4.NodeVisitor;

/**
 * A parsed {@code .liquid} template. Variables: {@code msg} (see {@link MessageView}) and {@code
 * fresh.timestamp} / {@code fresh.control_id} for a new MSH-7 / MSH-10; rendering a vendor's
 * result, {@code original} (the answered message, a {@link MessageView}) and {@code result} (the
 * JSON value, or a {@link MessageView} of an HL7 result) instead of {@code msg}.
 */
final class LiquidTemplate implements CompiledTemplate {
  private static final Pattern LINE = Pattern.compile("line (\\d+)");

  private final String name;
  private final OutputFormat format;
  private final Template template;
  private final TemplateParser parser;
  private final LNode root;

  /**
   * Builds liqp's node tree once (for HL7 output with every output tag escaped, see {@link
   * EscapingNodeVisitor}). liqp 0.9.1.3's own {@code Template.render} rebuilds the tree from the
   * parse tree on every call and keeps the render context in a field (not thread-safe); this class
   * renders the shared, immutable tree with a fresh context per call instead.
   */
  LiquidTemplate(String name, Template template, TemplateParser parser) {
    this.name = name;
    this.format = OutputFormat.of(name);
    this.template = template;
    this.parser = parser;
    NodeVisitor visitor =
        format == OutputFormat.HL7
            ? new EscapingNodeVisitor(parser)
            : new NodeVisitor(parser.insertions, parser.filters, parser.liquidStyleInclude);
    this.root = visitor.visit(template.getParseTree());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public OutputFormat format() {
    return format;
  }

  @Override
  public String render(RenderInput input) throws TemplateException {
    Map<String, Object> vars = new HashMap<>(4);
    if (input.result() == null) {
      vars.put("msg", new MessageView(input.message()));
    } else {
      // A result's template: the original it answers, with the paths of inbound templates.
      vars.put("original", new MessageView(input.message()));
      vars.put(
          "result",
          input.result() instanceof Hl7Message hl7 ? new MessageView(hl7) : input.result());
    }
    vars.put(
        "fresh",
        Map.of("timestamp", input.fresh().timestamp(), "control_id", input.fresh().controlId()));
    try {
      TemplateContext context = new TemplateContext(template, parser, vars);
      Object out = root.render(context);
      return String.valueOf(parser.getRenderTransformer().transformObject(context, out));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // An include that includes itself overflows the stack; a limit may run memory out: either
      // fails this render only. Other Errors go to the render worker, which fails the record.
      throw RenderFailures.of(name, e);
    }
  }

  /**
   * Turns whatever liqp threw while compiling into an error naming the template and the line. No
   * message exists yet at compile time, so liqp's text (about the template) is kept whole.
   */
  static TemplateException failure(String name, RuntimeException e) {
    int line = 0;
    StringBuilder why = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (line == 0 && t instanceof LiquidException le && le.line > 0) {
        line = le.line;
      }
      String message = t.getMessage();
      if (line == 0 && message != null) {
        Matcher m = LINE.matcher(message);
        if (m.find()) {
          line = Integer.parseInt(m.group(1));
        }
      }
      if (message != null && why.indexOf(message) < 0) {
        if (why.length() > 0) {
          why.append(": ");
        }
        why.append(message);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return new TemplateException(name, line, why.length() == 0 ? e.toString() : why.toString(), e);
  }
}
