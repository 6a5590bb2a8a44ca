package dev.hl7ferry.converter.template;

import dev.hl7ferry.converter.filter.EscapedText;
import dev.hl7ferry.converter.filter.HlSevenEscaping;
import liqp.TemplateParser;
import liqp.nodes.LNode;
import liqp.parser.v4.NodeVisitor;
import liquid.parser.v4.LiquidParser;

/**
 * Builds liqp's node tree for HL7 templates with every {@code {{ output }}} escaped for HL7, so a
 * decoded value holding {@code ^}, {@code |}, {@code &}, {@code ~} or {@code \} cannot break the
 * structure. Values that went through {@code hl7} or {@code raw} are written as they are.
 */
final class EscapingNodeVisitor extends NodeVisitor {

  EscapingNodeVisitor(TemplateParser parser) {
    super(parser.insertions, parser.filters, parser.liquidStyleInclude);
  }

  @Override
  public LNode visitOutput(LiquidParser.OutputContext ctx) {
    LNode inner = super.visitOutput(ctx);
    return context -> escape(inner.render(context));
  }

  private static Object escape(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof EscapedText done) {
      return done.text();
    }
    if (value instanceof CharSequence text) {
      return HlSevenEscaping.encode(text.toString());
    }
    return value;
  }
}
