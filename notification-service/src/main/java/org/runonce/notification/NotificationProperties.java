package org.runonce.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The notification service's settings, {@code runonce.notification.*}: every default is here, {@code application.yml}
 * sets only what differs.
 *
 * @param notices applicant notices (e-mail, SMS, inbox)
 * @param webhooks department-system webhooks
 * @param retention how long finished deliveries and sent notices are kept
 */
@Validated
@ConfigurationProperties("runonce.notification")
public record NotificationProperties(
        @Valid @DefaultValue Notices notices,
        @Valid @DefaultValue Webhooks webhooks,
        @Valid @DefaultValue Retention retention) {

    /**
     * Applicant notice settings, {@code runonce.notification.notices.*}.
     *
     * @param mailFrom sender address of the e-mails
     * @param sender the scheduled sender of pending notices
     * @param sms the SMS gateway
     */
    public record Notices(
            @DefaultValue("RunOnce <noreply@runonce.local>") @NotBlank
            String mailFrom,

            @Valid @DefaultValue Sender sender,
            @Valid @DefaultValue Sms sms) {

        /**
         * @param enabled whether the scheduler sends pending notices
         * @param interval pause between two runs
         * @param retry when a notice whose channel failed (mail server or SMS gateway away) is tried again; after
         *     {@code maxAge} (24 h) it is FAILED, listed and can be sent again ({@code /api/notifications/admin})
         */
        public record Sender(
                @DefaultValue("true") boolean enabled,
                @DefaultValue("2s") @NotNull Duration interval,
                @Valid @DefaultValue Retry retry) {}

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

    /**
     * Webhook settings, {@code runonce.notification.webhooks.*}.
     *
     * @param allowPrivateAddresses accept callback URLs on loopback, private, link-local or unique-local addresses; off
     *     in production (a subscriber must not make the platform call into its own network), on for local development
     *     and tests
     * @param allowHttp accept plain {@code http} callback URLs; off by default (event bodies carry personal data and
     *     are signed, not encrypted: only {@code https} outside local development), on in the {@code local} profile
     *     and tests
     * @param requestOrigin this platform's name in the validation handshake of a new subscription ({@code
     *     WebHook-Request-Origin}); the endpoint must answer with it (or {@code *}) in {@code WebHook-Allowed-Origin}
     * @param maxSubscriptionsPerDepartment active subscriptions a department may have at once (each costs a sender)
     * @param dispatcher the scheduled sender of due deliveries
     * @param retry how failed deliveries are retried and when they are given up
     * @param http timeouts of one delivery attempt
     * @param circuitBreaker the breaker per endpoint
     */
    public record Webhooks(
            @DefaultValue("false") boolean allowPrivateAddresses,
            @DefaultValue("false") boolean allowHttp,
            @DefaultValue("runonce") @NotBlank String requestOrigin,
            @DefaultValue("20") @Min(1) int maxSubscriptionsPerDepartment,
            @Valid @DefaultValue Dispatcher dispatcher,
            @Valid @DefaultValue Retry retry,
            @Valid @DefaultValue Http http,
            @Valid @DefaultValue CircuitBreaker circuitBreaker) {

        /**
         * @param enabled whether the scheduler sends due deliveries (tests switch it off and drive it themselves)
         * @param interval pause between two runs
         * @param batchSize deliveries of one subscription looked at per round
         * @param concurrency attempts running at once across subscriptions (each holds a database connection during
         *     its HTTP exchange, so keep it below the connection pool's size)
         */
        public record Dispatcher(
                @DefaultValue("true") boolean enabled,
                @DefaultValue("2s") @NotNull Duration interval,
                @DefaultValue("100") @Min(1) int batchSize,
                @DefaultValue("4") @Min(1) int concurrency) {}

        /**
         * @param connectTimeout to connect to the receiver
         * @param requestTimeout for the receiver to answer, in total: an exchange still running then is aborted
         */
        public record Http(
                @DefaultValue("5s") @NotNull Duration connectTimeout,
                @DefaultValue("10s") @NotNull Duration requestTimeout) {}

        /**
         * Resilience4j settings shared by the breakers of all endpoints (one breaker per callback URL).
         *
         * @param failureRateThreshold percentage of failed calls that opens the breaker
         * @param slidingWindowSize calls looked at
         * @param minimumNumberOfCalls calls needed before the rate counts
         * @param waitDurationInOpenState how long an open breaker postpones deliveries before one trial call
         * @param permittedCallsInHalfOpenState trial calls while half open
         */
        public record CircuitBreaker(
                @DefaultValue("50") @DecimalMin("1") @DecimalMax("100")
                float failureRateThreshold,

                @DefaultValue("10") @Min(1) int slidingWindowSize,
                @DefaultValue("3") @Min(1) int minimumNumberOfCalls,
                @DefaultValue("1m") @NotNull Duration waitDurationInOpenState,
                @DefaultValue("1") @Min(1) int permittedCallsInHalfOpenState) {}
    }

    /**
     * How a failed webhook delivery or applicant notice is retried ({@link Backoff}). Delay before attempt n+1 = min(initialInterval * multiplier^(n-1), maxInterval), spread by +-jitter.
     *
     * @param initialInterval delay after the first failure
     * @param multiplier growth per failure
     * @param maxInterval the longest delay between two attempts
     * @param jitter relative spread, 0.2 = +-20%, so that many deliveries failing together do not retry together
     * @param maxAge retrying stops after this long (counted from creation or the last manual redelivery): a webhook
     *     delivery becomes DEAD, a notice FAILED; either stays visible and can be sent again
     */
    public record Retry(
            @DefaultValue("30s") @NotNull Duration initialInterval,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("1h") @NotNull Duration maxInterval,

            @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("0.9")
            double jitter,

            @DefaultValue("24h") @NotNull Duration maxAge) {}

    /**
     * Storage limitation (PIPL Art. 19), {@code runonce.notification.retention.*}: finished webhook deliveries and
     * sent notices are deleted once older than these; nothing pending, retrying or FAILED is ever deleted. Keep every
     * period longer than the starter's {@code runonce.events.keep-processed} and {@code dead-letter-retention} (30
     * days): until then a redelivered or replayed event may come again, and the delivery or notice row is what makes
     * it harmless. Why these defaults: {@code docs/data-map.md}.
     *
     * @param enabled whether the scheduler deletes (tests switch it off and drive it themselves)
     * @param interval pause between two runs (the first one too: not at start)
     * @param batchSize rows deleted per statement (each its own transaction, its rows claimed with {@code SKIP
     *     LOCKED}, so that instances running together share the work and nothing waits on a long lock)
     * @param deliveries a SUCCEEDED webhook delivery is deleted this long after it was delivered
     * @param deadDeliveries a DEAD webhook delivery (a dead letter, replayable until then) is deleted this long after
     *     its last attempt
     * @param notices a SENT e-mail or SMS notice is deleted this long after it was sent
     * @param inboxNotices a notice in the applicant's inbox is deleted this long after it arrived
     */
    public record Retention(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1h") @NotNull Duration interval,
            @DefaultValue("500") @Min(1) int batchSize,
            @DefaultValue("90d") @NotNull Duration deliveries,
            @DefaultValue("180d") @NotNull Duration deadDeliveries,
            @DefaultValue("90d") @NotNull Duration notices,
            @DefaultValue("365d") @NotNull Duration inboxNotices) {}
}
