package org.runonce.notification.notice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Applicant notice settings, {@code runonce.notification.notices.*}.
 *
 * @param mailFrom sender address of the e-mails
 * @param sender the scheduled sender of pending notices
 * @param sms the SMS gateway
 */
@Validated
@ConfigurationProperties("runonce.notification.notices")
public record NoticeProperties(
        @DefaultValue("RunOnce <noreply@runonce.local>") @NotBlank
        String mailFrom,

        @Valid @DefaultValue Sender sender,
        @Valid @DefaultValue Sms sms) {

    /**
     * @param enabled whether the scheduler sends pending notices
     * @param interval pause between two runs
     * @param maxAttempts a notice whose channel keeps failing is marked FAILED after this many attempts
     */
    public record Sender(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2s") @NotNull Duration interval,
            @DefaultValue("10") @Min(1) int maxAttempts) {}

    /**
     * @param provider {@code logging} (default: writes the text to the log, for development) or {@code http}
     * @param url the gateway's endpoint receiving {@code POST {"to": "...", "text": "..."}} (provider http)
     * @param apiKey sent as {@code Authorization: Bearer <apiKey>} when set
     * @param timeout per request
     */
    public record Sms(
            @DefaultValue("logging") @NotBlank String provider,
            URI url,
            String apiKey,
            @DefaultValue("10s") @NotNull Duration timeout) {}
}
