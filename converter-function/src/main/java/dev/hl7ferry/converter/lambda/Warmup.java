package dev.hl7ferry.converter.lambda;

import dev.hl7ferry.converter.render.Converter;
import dev.hl7ferry.converter.route.RouteLoader;
import dev.hl7ferry.converter.route.RouteTable;
import dev.hl7ferry.converter.template.Fresh;
import dev.hl7ferry.converter.template.TemplateCompiler;
import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.core.charset.MessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the TLS stack and the core's heavy classes (liqp and its ANTLR parser, Jackson YAML, the
 * HL7 decoder) on a second thread while the main thread builds the SDK clients, so a cold start
 * uses both cores. Works on built-in synthetic text only and keeps nothing: safe under a SnapStart
 * snapshot.
 */
final class Warmup {
  private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

  private static final String MESSAGE =
      "MSH|^~\\&|WARM|UP|WARM|UP|20260101000000||ORU^R01|W1|P|2.5.1\rOBR|1\rOBX|1|ST|A||b\r";
  private static final String ROUTES =
      "routes:\n  - name: w\n    when: [{field: message-type, equals: ORU}]\n"
          + "    template: w.hl7.liquid\n    destinations: [d]\n";
  private static final String TEMPLATE =
      "MSH|^~\\&|{{ msg[\"MSH-3\"] | hl7 }}|{{ fresh.control_id }}\n"
          + "{% for obr in msg.groups.OBR %}{% for obx in obr.all.OBX %}"
          + "OBX|{{ forloop.index }}|{{ obx[\"5\"] | default: \"x\" | hl7 }}|"
          + "{{ msg[\"MSH-7\"] | hl7_date: \"yyyy-MM-dd\" }}\n{% endfor %}{% endfor %}";

  private Warmup() {}

  /** Starts the warm-up on a daemon thread. */
  static void start() {
    Thread t = new Thread(Warmup::run, "converter-warmup");
    t.setDaemon(true);
    t.start();
  }

  private static void run() {
    try {
      // The URL-connection client builds a TLS context when it is built: this loads JSSE and
      // parses the JDK's trust store (cached) while the main thread sets up logging and Dagger.
      SSLContext.getInstance("TLS").init(null, null, null);
      RouteTable routes = RouteLoader.parse("warmup", ROUTES);
      TemplateCompiler compiler = new TemplateCompiler(name -> Optional.empty());
      var template = compiler.compile("w.hl7.liquid", TEMPLATE);
      var message =
          new MessageDecoder(CharsetPolicy.DEFAULT)
              .decode(MESSAGE.getBytes(StandardCharsets.US_ASCII))
              .message();
      Converter.convert(message, routes, name -> template, (r, d) -> new Fresh("20260101", "W"));
    } catch (Exception | LinkageError e) {
      // A failed warm-up only costs time; the real work reports real errors.
      LOG.warn("warm-up failed", e);
    }
  }
}
