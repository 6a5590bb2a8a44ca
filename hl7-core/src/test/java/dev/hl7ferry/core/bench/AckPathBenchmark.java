package dev.hl7ferry.core.bench;

import dev.hl7ferry.core.ack.Ack;
import dev.hl7ferry.core.ack.AckBuilder;
import dev.hl7ferry.core.ack.ControlIds;
import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.core.charset.DecodedMessage;
import dev.hl7ferry.core.charset.MessageDecoder;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.message.Hl7Message;
import dev.hl7ferry.core.message.MessageHeader;
import dev.hl7ferry.core.path.Hl7Path;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the edge does for every received message: decode a ~1 KB ORU^R01 from bytes in its declared
 * charset, read the header and five fields, build the ACK and encode it to bytes. One thread, so
 * the score is messages per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class AckPathBenchmark {
  private static final Hl7Path PATIENT_ID = Hl7Path.parse("PID-3.1");
  private static final Hl7Path FAMILY_NAME = Hl7Path.parse("PID-5.1");
  private static final Hl7Path BIRTH_DATE = Hl7Path.parse("PID-7");
  private static final Hl7Path SERVICE = Hl7Path.parse("OBR-4.2");
  private static final Hl7Path THIRD_RESULT = Hl7Path.parse("OBX(3)-5");

  private byte[] bytes;
  private MessageDecoder decoder;
  private AckBuilder builder;

  /** Loads the benchmark fixture once per trial. */
  @Setup
  public void load() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/fixtures/oru_r01_v251_bench_1k.hl7")) {
      bytes = in.readAllBytes();
    }
    decoder = new MessageDecoder(CharsetPolicy.DEFAULT);
    builder = new AckBuilder(new ControlIds(), Clock.systemUTC());
  }

  /** Bytes in, ACK bytes out. */
  @Benchmark
  public byte[] parseReadFiveFieldsAndAck(Blackhole hole) throws Hl7ParseException {
    DecodedMessage decoded = decoder.decode(bytes);
    Hl7Message message = decoded.message();
    MessageHeader header = message.header().requireMinimum();
    hole.consume(message.get(PATIENT_ID));
    hole.consume(message.get(FAMILY_NAME));
    hole.consume(message.get(BIRTH_DATE));
    hole.consume(message.get(SERVICE));
    hole.consume(message.get(THIRD_RESULT));
    Ack ack = builder.accept(header);
    return ack.bytes(decoded.charset());
  }
}
