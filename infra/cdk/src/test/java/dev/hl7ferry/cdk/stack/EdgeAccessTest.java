package dev.hl7ferry.cdk.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EdgeAccessTest {
  private final SynthesizedStack s = SynthesizedStack.get();

  private JsonNode policy(String site) {
    return Resources.only(s.json, "AWS::IAM::ManagedPolicy", "EdgesPolicy" + site.replace("-", ""));
  }

  private static String other(String site) {
    return site.equals("north") ? "south-2" : "north";
  }

  @ParameterizedTest
  @ValueSource(strings = {"north", "south-2"})
  void aSiteRoleHasNamedActionsOnlyOnItsOwnPrefixesAndQueues(String site) {
    JsonNode policy = policy(site);
    Set<String> actions = new TreeSet<>();
    for (JsonNode st : Resources.statements(policy)) {
      assertEquals("Allow", st.path("Effect").asText());
      for (String a : Resources.texts(st.path("Action"))) {
        assertFalse(a.contains("*"), "wildcard action " + a);
        actions.add(a);
      }
      String resources = st.path("Resource").toString();
      assertFalse(resources.equals("\"*\""), "wildcard resource in " + st);
      assertFalse(resources.contains("/" + other(site) + "/"), "other site's prefix: " + st);
      assertFalse(
          resources.contains("QueuesOutbound" + other(site).replace("-", "")),
          "other site's queue: " + st);
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "s3:PutObject",
                "s3:PutObjectRetention",
                "s3:GetObject",
                "sqs:SendMessage",
                "sqs:ReceiveMessage",
                "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility",
                "sqs:GetQueueAttributes",
                "kms:GenerateDataKey",
                "kms:Decrypt")),
        actions);
    String puts = Resources.statement(policy, "PutOwnPayloads").path("Resource").toString();
    assertTrue(
        puts.contains("/inbound/" + site + "/*") && puts.contains("/archive/" + site + "/*"), puts);
    assertTrue(
        Resources.statement(policy, "GetOwnOutputs")
            .path("Resource")
            .toString()
            .contains("/outbound/" + site + "/*"));
    String sends =
        Resources.statement(policy, "SendEnvelopesAndReceipts").path("Resource").toString();
    assertTrue(sends.contains("QueuesInbound") && sends.contains("QueuesReceipts"), sends);
    assertTrue(
        Resources.statement(policy, "ReadOwnOutboundQueue")
            .path("Resource")
            .toString()
            .contains("QueuesOutbound" + site.replace("-", "")));
    assertTrue(
        Resources.statement(policy, "UseKeyThroughS3AndSqs")
            .path("Condition")
            .path("StringEquals")
            .has("kms:ViaService"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"north", "south-2"})
  void rolesAnywhereMayTakeASiteRoleOnlyWithThatSitesCertificateFromThisAnchor(String site) {
    JsonNode role = Resources.only(s.json, "AWS::IAM::Role", "EdgesRole" + site.replace("-", ""));
    int anchored = 0;
    boolean named = false;
    for (JsonNode st : role.path("AssumeRolePolicyDocument").path("Statement")) {
      String principal = st.path("Principal").toString();
      if (principal.contains("rolesanywhere.amazonaws.com")) {
        anchored++;
        assertEquals(
            "ferry-edge-" + site,
            st.path("Condition")
                .path("StringEquals")
                .path("aws:PrincipalTag/x509Subject/CN")
                .asText());
        assertTrue(
            st.path("Condition")
                .path("ArnEquals")
                .path("aws:SourceArn")
                .toString()
                .contains("EdgesTrustAnchor"),
            st.toString());
      } else {
        assertEquals(SynthesizedStack.PRINCIPAL, st.path("Principal").path("AWS").asText());
        assertEquals("sts:AssumeRole", st.path("Action").asText());
        named = true;
      }
    }
    assertEquals(2, anchored, "AssumeRole, and TagSession + SetSourceIdentity");
    assertTrue(named, "the named principal");
  }

  @Test
  void theTrustAnchorHoldsTheGivenCaAndTheProfileListsEverySiteRole() throws Exception {
    JsonNode anchor = Resources.only(s.json, "AWS::RolesAnywhere::TrustAnchor", "EdgesTrustAnchor");
    assertEquals("CERTIFICATE_BUNDLE", anchor.path("Source").path("SourceType").asText());
    assertEquals(
        Files.readString(Path.of("src/test/resources/trust/test-ca.pem")).trim(),
        anchor.path("Source").path("SourceData").path("X509CertificateData").asText());
    assertTrue(anchor.path("Enabled").asBoolean());
    JsonNode profile = Resources.only(s.json, "AWS::RolesAnywhere::Profile", "EdgesProfile");
    String roles = profile.path("RoleArns").toString();
    assertTrue(roles.contains("EdgesRolenorth") && roles.contains("EdgesRolesouth2"), roles);
    assertEquals(3600, profile.path("DurationSeconds").asInt());
  }

  @Test
  void eachSiteHasAnOutputForItsEdgeYaml() {
    JsonNode outputs = s.json.path("Outputs");
    for (String key :
        List.of(
            "EdgeSite1",
            "EdgeSite2",
            "TrustAnchorArn",
            "ProfileArn",
            "BucketName",
            "InboundQueueUrl")) {
      assertTrue(outputs.has(key), key);
    }
    String first = outputs.path("EdgeSite1").path("Value").toString();
    for (String key : FerryStack.EDGE_KEYS) {
      assertTrue(first.contains("\\\"" + key + "\\\":"), key + " in " + first);
    }
    assertTrue(first.contains("\\\"site\\\":\\\"north\\\""), first);
  }
}
