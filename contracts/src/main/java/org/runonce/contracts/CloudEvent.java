package org.runonce.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One RunOnce event as a CloudEvents 1.0 envelope in structured JSON mode: this record serializes to exactly the
 * JSON that travels on Kafka (record value) and in webhooks (HTTP body), described by
 * {@code schemas/cloudevent.schema.json}.
 *
 * <p>On Kafka the record key is {@link #subject()} (so each aggregate's events stay ordered), carried in the envelope
 * too as the CloudEvents partitioning extension {@code partitionkey}, and the only record header is
 * {@code content-type: }{@value #STRUCTURED_CONTENT_TYPE} (no Java type headers: receivers in any language read the
 * envelope alone).
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id unique per event (a UUID); consumers deduplicate on it
 * @param source the producing service, a URI reference such as {@code /runonce/intake}
 * @param type reverse-DNS event type with a version suffix, e.g. {@code org.runonce.intake.application.accepted.v1}
 * @param time when the state change happened
 * @param subject the aggregate the event is about (application number, case number, item code)
 * @param datacontenttype media type of {@code data}, always {@value #DATA_CONTENT_TYPE}
 * @param department extension attribute: department code (SAMR, TAX, ...) the event concerns, or {@code null}
 * @param partitionkey partitioning extension attribute: the Kafka record key, equal to {@code subject}; {@code null}
 *     in events published before it was added
 * @param data the event payload, described by the JSON Schema of its {@code type}
 * @param <T> payload type; consumers usually read it as a JSON tree first and map it to their own record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        String department,
        String partitionkey,
        T data) {

    /** The CloudEvents version this envelope implements. */
    public static final String SPEC_VERSION = "1.0";

    /** Media type of {@link #data()}. */
    public static final String DATA_CONTENT_TYPE = "application/json";

    /** Content type of a whole envelope in structured mode (Kafka header {@code content-type}, HTTP body). */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public CloudEvent {
        Objects.requireNonNull(specversion, "specversion");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }

    /**
     * A new JSON event with the current spec version, partitioned by its subject, concerning no single department
     * ({@link #inDepartment} names one).
     */
    public static <T> CloudEvent<T> of(String id, String source, String type, Instant time, String subject, T data) {
        return new CloudEvent<>(SPEC_VERSION, id, source, type, time, subject, DATA_CONTENT_TYPE, null, subject, data);
    }

    /** The same envelope with the {@code department} extension: the code of the department the event concerns. */
    public CloudEvent<T> inDepartment(String departmentCode) {
        return new CloudEvent<>(
                specversion, id, source, type, time, subject, datacontenttype, departmentCode, partitionkey, data);
    }

    /** The department extension, if the event concerns one department. */
    public Optional<String> departmentCode() {
        return Optional.ofNullable(department);
    }

    /** The same envelope with another representation of its payload (e.g. a consumer's own record). */
    public <U> CloudEvent<U> withData(U newData) {
        return new CloudEvent<>(
                specversion, id, source, type, time, subject, datacontenttype, department, partitionkey, newData);
    }
}
