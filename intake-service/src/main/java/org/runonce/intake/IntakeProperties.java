package org.runonce.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The intake service's settings, {@code runonce.intake.*}.
 *
 * @param region region code used for application numbers and the working-day calendar when a request names none
 * @param acceptance how complete applications are accepted
 * @param documents upload limits
 * @param certificates where e-certificates' public keys come from
 * @param pledge accept-with-deficiencies (容缺) settings
 * @param evaluation evaluation (好差评) follow-ups
 * @param catalog the local copy of the catalog
 */
@Validated
@ConfigurationProperties("runonce.intake")
public record IntakeProperties(
        @DefaultValue("330000") @NotNull @Pattern(regexp = "[0-9]{6}")
        String region,

        @Valid @DefaultValue Acceptance acceptance,
        @Valid @DefaultValue Documents documents,
        @Valid @DefaultValue Certificates certificates,
        @Valid @DefaultValue Pledge pledge,
        @Valid @DefaultValue Evaluation evaluation,
        @Valid @DefaultValue Catalog catalog) {

    /**
     * @param automatic accept a complete application in the transaction that finds it complete (online and at the
     *     window); false leaves it AWAITING_ACCEPTANCE for a window clerk to accept or refuse
     */
    public record Acceptance(@DefaultValue("true") boolean automatic) {}

    /**
     * @param maxSize largest accepted upload; larger ones are refused with 413 {@code document-too-large}
     * @param dailyUploads uploads one applicant's documents may number per day (the platform's time zone); more are
     *     refused with 429 {@code upload-quota-exceeded}
     * @param dailyBytes bytes one applicant's uploads may add up to per day
     * @param unusedExpiry an upload that no application uses and no department was granted this long after it was
     *     made expires: no application may use it any more, and it is deleted a {@code cleanupInterval} later
     * @param cleanupInterval how often expired uploads are looked for and deleted
     * @param grantRetention how long after its application ended (completed, refused or withdrawn) a department still
     *     reads the documents of its cases there: long enough for a reconsideration (行政复议, 60 days) or a lawsuit
     *     (行政诉讼, six months, at most 184 days) about the decision, with time for the decision to reach the
     *     applicant (docs/data-map.md)
     */
    public record Documents(
            @DefaultValue("10MB") @NotNull DataSize maxSize,
            @DefaultValue("200") @Min(1) int dailyUploads,
            @DefaultValue("500MB") @NotNull DataSize dailyBytes,
            @DefaultValue("30d") @NotNull Duration unusedExpiry,
            @DefaultValue("1h") @NotNull Duration cleanupInterval,
            @DefaultValue("200d") @NotNull Duration grantRetention) {}

    /**
     * @param jwksUri the approval service's public JWK Set, which e-certificates are verified with
     * @param jwksCache how long fetched keys are used before being fetched again (an unknown key id refreshes early)
     */
    public record Certificates(
            @DefaultValue("http://localhost:8083/api/approval/.well-known/jwks.json") @NotNull
            URI jwksUri,

            @DefaultValue("5m") @NotNull Duration jwksCache) {}

    /**
     * @param maxWorkingDays a pledge date lies at most this many working days after the acceptance day
     * @param checkInterval how often applications past their pledge date are looked for
     */
    public record Pledge(
            @DefaultValue("20") @Min(1) int maxWorkingDays,
            @DefaultValue("15m") @NotNull Duration checkInterval) {}

    /**
     * @param followUpWorkingDays working days to follow up a rating of 1 or 2
     * @param linkKey the HMAC key of the rating links sent to applicants (by SMS); the default is the local demo
     *     key, which every deployment replaces (environment {@code RUNONCE_INTAKE_EVALUATION_LINKKEY}; in
     *     deploy/k8s from the secret {@code intake-rating-link-key})
     * @param linkValidDays how long a rating link works after the application completed, was refused or withdrawn
     */
    public record Evaluation(
            @DefaultValue("5") @Min(1) int followUpWorkingDays,

            @DefaultValue("local-demo-rating-link-key-change-me") @NotBlank @Size(min = 16)
            String linkKey,

            @DefaultValue("30") @Min(1) int linkValidDays) {}

    /**
     * @param cacheTimeToLive how long this instance serves catalog entries from memory before reading them again;
     *     bounds how stale it is after another instance applied a catalog event (this one drops its entries at once)
     * @param snapshotUrl the catalog's {@code GET /api/catalog/snapshot}, read once at startup while the local copy
     *     is empty; empty to rely on replaying the catalog topic alone
     */
    public record Catalog(
            @DefaultValue("30s") @NotNull Duration cacheTimeToLive,
            @DefaultValue("") String snapshotUrl) {}
}
