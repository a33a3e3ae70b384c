package org.runonce.approval;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The approval service's settings, {@code runonce.approval.*}. The zone whose calendar date is "today" is the
 * platform's ({@code runonce.zone}, the starter's {@link org.runonce.starter.domain.Time}).
 *
 * @param defaultRegion region whose calendar clocks a case when neither the application nor the catalog copy names
 *     one
 * @param deadlines the job raising warnings and overdue events
 * @param certificates e-certificate signing
 * @param publication results publication (公示)
 * @param audit the audit trails' chain key and their checkpoints
 * @param database the role the service runs as
 * @param complaints complaints (投诉): their handling time limit
 * @param inquiries inquiries (咨询, 首问负责): their answering time limit
 */
@Validated
@ConfigurationProperties("runonce.approval")
public record ApprovalProperties(
        @DefaultValue("330000") @NotNull String defaultRegion,
        @Valid @DefaultValue Deadlines deadlines,
        @Valid @DefaultValue Certificates certificates,
        @Valid @DefaultValue Publication publication,
        @Valid @DefaultValue Audit audit,
        @Valid @DefaultValue Database database,
        @Valid @DefaultValue Complaints complaints,
        @Valid @DefaultValue Inquiries inquiries) {

    /**
     * @param enabled whether the job runs on a schedule (tests call it directly)
     * @param checkInterval how often undecided cases are checked
     * @param warningPercent share of the promised working days used at which a case is warned
     */
    public record Deadlines(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1m") @NotNull Duration checkInterval,
            @DefaultValue("80") @Min(1) @Max(100) int warningPercent) {}

    /**
     * @param signingKey the platform key: a JWK file (EC P-256 with its private part) or a PEM file with a PKCS#8
     *     {@code PRIVATE KEY} and its {@code PUBLIC KEY} block (as openssl writes them); unset: a key generated on
     *     first start and kept in the database (local use)
     * @param signingKeyId the {@code kid} when the file names none (PEM)
     */
    public record Certificates(Resource signingKey, String signingKeyId) {}

    /**
     * @param kinds item kinds whose decided cases are published: the catalog marks no item public, so the kind stands
     *     for it (LICENCE: 行政许可, whose decisions the Administrative Licensing Law, art. 40, makes public)
     */
    public record Publication(
            @DefaultValue("LICENCE") @NotEmpty List<@NotBlank String> kinds) {}

    /**
     * @param key the secret new audit entries are chained with (HMAC-SHA256), at least 32 characters, kept outside the
     *     database (a Kubernetes secret); whoever edits the database without it cannot re-chain a trail. The default
     *     in {@code application.yml} is a published demo key for local use only
     * @param keyId names the key in every entry (a key rotation keeps older trails verifiable under their id)
     * @param verifyKeys the other keys, by id, that entries may have been chained with (verified, never chained with):
     *     the keys rotated out, and a key about to become current (introduced first on every instance, see the README's
     *     key rotation)
     * @param verifyKeysDir a directory of more such keys, one file per key named by its id (a mounted Kubernetes
     *     secret); unset or missing: none
     * @param checkpoints whether the checkpoint job runs on a schedule (tests call it directly)
     * @param checkpointInterval how often the heads of trails that grew are published ({@code audit.checkpoint})
     * @param verification whether every trail is verified on a schedule ({@code AuditWatch}; tests call it directly)
     * @param verificationInterval how often: each round verifies what the trails gained since the last one
     * @param verificationSweep how many whole trails each round verifies again from their first entry, in turn
     */
    public record Audit(
            @NotBlank @Size(min = 32) String key,
            @DefaultValue("local-demo") @NotBlank String keyId,
            @DefaultValue Map<String, String> verifyKeys,
            Path verifyKeysDir,
            @DefaultValue("true") boolean checkpoints,
            @DefaultValue("1m") @NotNull Duration checkpointInterval,
            @DefaultValue("true") boolean verification,
            @DefaultValue("5m") @NotNull Duration verificationInterval,
            @DefaultValue("100") @Min(1) @Max(100000) int verificationSweep) {}

    /**
     * The database role the service runs as; Flyway migrates as the owner ({@code spring.datasource.username}).
     *
     * @param runtimeUser a role that does not own the tables, granted only what the service needs (so it cannot
     *     switch off the guards, {@code ALTER TABLE ... DISABLE TRIGGER}); unset: the service runs as the owner
     * @param runtimePassword its password
     * @param createRuntimeUser whether the migration creates the runtime role when it is missing (the local stack,
     *     where the owner is a superuser); in production the operator creates it (CloudNativePG managed roles)
     */
    public record Database(
            String runtimeUser,
            String runtimePassword,
            @DefaultValue("false") boolean createRuntimeUser) {}

    /**
     * Complaints; the overdue check runs with the deadline watch ({@code deadlines.enabled}, {@code .check-interval}).
     *
     * @param limitDays working days the responsible department has to reply, on its region's calendar
     */
    public record Complaints(
            @DefaultValue("5") @Min(1) @Max(60) int limitDays) {}

    /**
     * Inquiries; the overdue check runs with the deadline watch ({@code deadlines.enabled}, {@code .check-interval}).
     *
     * @param limitDays working days the owner has to answer, on the region's calendar
     */
    public record Inquiries(
            @DefaultValue("2") @Min(1) @Max(30) int limitDays) {}
}
