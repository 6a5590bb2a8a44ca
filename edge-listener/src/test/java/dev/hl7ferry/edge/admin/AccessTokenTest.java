package dev.hl7ferry.edge.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokenTest {
  private final AccessToken token = AccessToken.of("0123456789abcdef");

  @Test
  void aBearerHeaderWithTheTokenIsAdmittedAndAnyOtherIsNot() {
    assertTrue(token.admits("Bearer 0123456789abcdef"));
    assertTrue(token.admits("bearer   0123456789abcdef "));
    assertFalse(token.admits("Bearer 0123456789abcdeF"));
    assertFalse(token.admits("Bearer 0123456789abcde"));
    assertFalse(token.admits("Bearer"));
    assertFalse(token.admits("0123456789abcdef"));
    assertFalse(token.admits(null));
  }

  @Test
  void aBrowsersBasicLoginCarriesTheTokenAsPasswordWithAnyUserName() {
    assertTrue(token.admits(basic("it-desk:0123456789abcdef")));
    assertTrue(token.admits(basic(":0123456789abcdef")));
    assertFalse(token.admits(basic("0123456789abcdef:")));
    assertFalse(token.admits(basic("0123456789abcdef")));
    assertFalse(token.admits("Basic not-base64!"));
  }

  @Test
  void theFileWinsOverTheEnvironmentAndAnEmptyFileIsRefused(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "  from-file \n");
    Map<String, String> env = Map.of(AccessToken.ENV, "from-env");
    assertTrue(AccessToken.load(Optional.of(file), env).orElseThrow().admits("Bearer from-file"));
    assertTrue(AccessToken.load(Optional.empty(), env).orElseThrow().admits("Bearer from-env"));
    assertEquals(Optional.empty(), AccessToken.load(Optional.empty(), Map.of()));
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> AccessToken.load(Optional.of(empty), env));
    assertTrue(e.getMessage().startsWith("admin.tokenFile: "), e.getMessage());
    assertFalse(token.toString().contains("0123"));
  }

  private static String basic(String pair) {
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
