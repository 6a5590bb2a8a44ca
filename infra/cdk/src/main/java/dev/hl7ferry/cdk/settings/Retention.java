package dev.hl7ferry.cdk.settings;

/**
 * Lifecycle of the bucket's prefixes in days; 0 means never for the expirations marked so.
 *
 * @param inboundDays edge payloads under {@code inbound/}: read by the converter within minutes,
 *     kept for replays and investigations
 * @param archiveGlacierDays the edge's raw archive moves to Glacier Instant Retrieval after this
 * @param archiveExpireDays the raw archive is deleted after this (0: kept)
 * @param outboundDays converter outputs under {@code outbound/}, read by the edge once delivered
 * @param errorsDays error records under {@code errors/} and {@code unmatched/}
 * @param noncurrentDays overwritten or deleted versions (versioning is on) are kept this long
 * @param resultsDays vendors' claim-check result payloads under {@code results/}
 * @param originalsDays originals the converter keeps under {@code originals/} for the results that
 *     answer them: the longest a vendor may take to answer
 */
public record Retention(
    int inboundDays,
    int archiveGlacierDays,
    int archiveExpireDays,
    int outboundDays,
    int errorsDays,
    int noncurrentDays,
    int resultsDays,
    int originalsDays) {

  public Retention {
    FerrySettings.check("inboundDays", inboundDays, 1, 36_500);
    FerrySettings.check("archiveGlacierDays", archiveGlacierDays, 1, 36_500);
    FerrySettings.check("archiveExpireDays", archiveExpireDays, 0, 36_500);
    FerrySettings.check("outboundDays", outboundDays, 1, 36_500);
    FerrySettings.check("errorsDays", errorsDays, 1, 36_500);
    FerrySettings.check("noncurrentDays", noncurrentDays, 1, 36_500);
    FerrySettings.check("resultsDays", resultsDays, 1, 36_500);
    FerrySettings.check("originalsDays", originalsDays, 1, 36_500);
    if (archiveExpireDays != 0 && archiveExpireDays <= archiveGlacierDays) {
      throw new IllegalArgumentException(
          "archiveExpireDays: must be 0 (kept) or more than archiveGlacierDays");
    }
  }
}
