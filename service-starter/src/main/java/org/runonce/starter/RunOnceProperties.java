package org.runonce.starter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The starter's own settings, {@code runonce.*}. A service sets {@code runonce.service.name} and usually nothing
 * else: audience, event source and topic are derived from the name by {@link RunOnceDefaults}.
 *
 * @param service who this service is
 * @param security what callers may do before any of the service's own rules
 * @param events outbox and consumer settings
 * @param web limits of what callers may send
 * @param zone the zone whose calendar dates count on the platform (today, working days, promised dates)
 */
@Validated
@ConfigurationProperties("runonce")
public record RunOnceProperties(
        @Valid @NotNull Service service,
        @Valid @DefaultValue Security security,
        @Valid @DefaultValue Events events,
        @Valid @DefaultValue Web web,
        @DefaultValue("Asia/Shanghai") @NotNull ZoneId zone) {

    /**
     * @param name short service name ({@code catalog}, {@code intake}, ...): the default audience, database, event
     *     source and topic
     * @param apiPath prefix of the service's API, its whoami and its OpenAPI document; default {@code /api/<name>}
     */
    public record Service(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*") String name,

            @NotBlank @Pattern(regexp = "/api/[a-z][a-z0-9-]*")
            String apiPath) {}

    /**
     * @param audience a token must list this in {@code aud}; default {@code runonce-<service name>}
     * @param publicPaths request patterns open to anonymous callers, optionally prefixed by an HTTP method, e.g.
     *     {@code GET /api/catalog/items/**}
     * @param whoamiRoles realm roles allowed to call {@code /api/<name>/whoami}; empty means any authenticated
     *     caller
     * @param adminRoles realm roles allowed to call {@code /api/<name>/admin/**}: list, inspect, replay and discard
     *     dead letters and parked events, and a service's own operator tools
     */
    public record Security(
            @NotBlank String audience,
            @DefaultValue List<@NotBlank String> publicPaths,
            @DefaultValue List<@NotBlank String> whoamiRoles,
            @DefaultValue("operator") @NotEmpty List<@NotBlank String> adminRoles) {}

    /**
     * @param source CloudEvents {@code source} of published events; default {@code /runonce/<service name>}
     * @param topic Kafka topic published events go to; default {@code runonce.<service name>.v1}
     * @param topicConfig Kafka topic settings the topic is created (or updated) with, e.g. {@code retention.ms: -1}
     *     for a topic that is the source of truth others rebuild their copies from; default: the broker's
     * @param partitions partitions the topic is created with, or increased to if it has fewer (never decreased);
     *     events are keyed by their subject, so one subject's events stay in order in one partition; default: the
     *     broker's
     * @param resubmitInterval how often failed publications (e.g. Kafka was down at commit) are sent again
     * @param resubmitOlderThan only publications at least this old are resubmitted
     * @param keepCompleted completed publications are deleted from the registry after this long
     * @param keepProcessed a consumer forgets an event it processed after this long; keep it longer than the
     *     retention of the topics it reads (Kafka's default is 7 days), or a very late redelivery is applied again
     * @param consumerRetries redeliveries of a record failing for an unknown reason (e.g. a bug) before it goes to
     *     {@code <topic>.dlt}; records failing because the infrastructure is away (database, broker, mail server)
     *     are retried without limit and never dead-lettered, poison records (unreadable, refused by the domain) go
     *     there at once
     * @param consumerBackoff wait before the first redelivery; doubles on each one, at most {@code consumerMaxBackoff}
     * @param consumerMaxBackoff the longest wait between two redeliveries
     * @param deadLetterRetention how long {@code <topic>.dlt} keeps records ({@code retention.ms}); its replication
     *     factor is the consumed topic's
     */
    public record Events(
            @NotBlank String source,
            @NotBlank String topic,
            @DefaultValue Map<String, String> topicConfig,
            @Min(1) Integer partitions,
            @DefaultValue("10s") @NotNull Duration resubmitInterval,
            @DefaultValue("1m") @NotNull Duration resubmitOlderThan,
            @DefaultValue("7d") @NotNull Duration keepCompleted,
            @DefaultValue("30d") @NotNull Duration keepProcessed,
            @DefaultValue("4") @Min(0) int consumerRetries,
            @DefaultValue("1s") @NotNull Duration consumerBackoff,
            @DefaultValue("30s") @NotNull Duration consumerMaxBackoff,
            @DefaultValue("30d") @NotNull Duration deadLetterRetention) {}

    /**
     * @param maxBodySize largest request body (JSON, text) a caller may send, announced or streamed; larger ones are
     *     refused with 413 {@code body-too-large} before they are bound. Multipart uploads have their own limits.
     */
    public record Web(@DefaultValue("1MB") @NotNull DataSize maxBodySize) {}
}
