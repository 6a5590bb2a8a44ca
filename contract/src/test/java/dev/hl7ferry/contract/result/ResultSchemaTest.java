package dev.hl7ferry.contract.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The published JSON Schema agrees with {@link ResultJson}: it accepts what the reader accepts. */
class ResultSchemaTest {
  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(SchemaLocation.of("classpath:schema/result-envelope-v1.schema.json"));

  private static List<Error> errors(String body) {
    return SCHEMA.validate(body, InputFormat.JSON);
  }

  @Test
  void theGoldenFixturesAreValid() throws IOException {
    assertEquals(List.of(), errors(ResultJsonTest.fixture("result-v1-inline.json")));
    assertEquals(List.of(), errors(ResultJsonTest.fixture("result-v1-claim-check.json")));
  }

  static Stream<Arguments> refusedWellFormed() throws IOException {
    return ResultJsonTest.refused()
        .filter(a -> !a.get()[0].equals("not JSON"))
        // The schema checks the base64 alphabet; the reader also checks its decoding.
        .map(a -> Arguments.of(a.get()[0], a.get()[1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedWellFormed")
  void whatTheReaderRefusesTheSchemaRefuses(String what, String body) {
    assertFalse(errors(body).isEmpty(), what + " passed the schema");
  }
}
