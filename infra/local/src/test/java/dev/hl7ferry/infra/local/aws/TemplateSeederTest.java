package dev.hl7ferry.infra.local.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

@ExtendWith(LocalCloudExtension.class)
class TemplateSeederTest {
  @TempDir Path folder;

  @Test
  void everyFileOfTheFolderLandsUnderTheTemplatesPrefixWithItsRelativePath(LocalCloud cloud)
      throws Exception {
    Files.writeString(folder.resolve("routes.yaml"), "version: 1\n");
    Files.createDirectories(folder.resolve("hospital-a/tables"));
    Files.writeString(folder.resolve("hospital-a/oru.hl7.liquid"), "MSH|^~\\\\&|A\r");
    Files.writeString(folder.resolve("hospital-a/tables/units.csv"), "mg/dL,MG/DL\n");

    List<String> keys = TemplateSeeder.seed(cloud, folder);

    assertEquals(
        List.of(
            "templates/hospital-a/oru.hl7.liquid",
            "templates/hospital-a/tables/units.csv",
            "templates/routes.yaml"),
        keys);
    try (S3Client s3 = LocalClients.s3(cloud)) {
      assertEquals(
          "mg/dL,MG/DL\n",
          s3.getObjectAsBytes(
                  b -> b.bucket(cloud.bucket()).key("templates/hospital-a/tables/units.csv"))
              .asUtf8String());
    }
  }

  @Test
  void aMissingFolderIsRefusedWithItsName(LocalCloud cloud) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TemplateSeeder.seed(cloud, folder.resolve("nope")));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }
}
