package org.runonce.starter.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.runonce.contracts.CloudEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing and reading RunOnce events.
 *
 * <p>{@link #publish} records a {@link CloudEvent} in the transactional outbox (Spring Modulith's event publication
 * registry, same database transaction as the state change). After commit it is sent to the service's topic, keyed by
 * the subject; if the transaction rolls back it is never sent. The publication is completed only when the broker
 * acknowledged the record; failed ones are resubmitted (see {@link RunOnceEventsAutoConfiguration}).
 *
 * <p>The {@code read} methods turn a consumed record back into an envelope, with the payload as a JSON tree or as the
 * consumer's own record type.
 */
public class Events {

    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final String source;

    public Events(ApplicationEventPublisher publisher, JsonMapper json, String source) {
        this.publisher = publisher;
        this.json = json;
        this.source = source;
    }

    /** Same as {@link #publish(String, String, String, Object)} for events that concern no single department. */
    public <T> CloudEvent<T> publish(String type, String subject, T data) {
        return publish(type, subject, null, data);
    }

    /**
     * Records an event in the current transaction.
     *
     * @param type e.g. {@code org.runonce.intake.application.accepted.v1}
     * @param subject the aggregate id (application number, case number, item code): the Kafka key
     * @param department department code for the {@code department} extension, or {@code null}
     * @param data the payload, serialized with the application's JSON mapper
     * @return the envelope as it will be sent
     * @throws IllegalStateException outside a transaction, where the event would silently go nowhere
     */
    public <T> CloudEvent<T> publish(String type, String subject, String department, T data) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "Events are published inside the transaction that changes the state: call publish from a @Transactional method");
        }
        var event = CloudEvent.of(UUID.randomUUID().toString(), source, type, Instant.now(), subject, data)
                .inDepartment(department);
        publisher.publishEvent(event);
        return event;
    }

    /** The envelope of a consumed record, payload as a JSON tree (look at {@code type()} before mapping it). */
    public CloudEvent<JsonNode> read(ConsumerRecord<?, byte[]> record) {
        return read(record.value(), JsonNode.class);
    }

    /** The envelope of a consumed record, payload mapped to the consumer's own type. */
    public <T> CloudEvent<T> read(ConsumerRecord<?, byte[]> record, Class<T> dataType) {
        return read(record.value(), dataType);
    }

    /** An envelope from its structured-mode JSON (a record value, a webhook body). */
    public <T> CloudEvent<T> read(byte[] cloudEventJson, Class<T> dataType) {
        var type = json.getTypeFactory().constructParametricType(CloudEvent.class, dataType);
        return json.readValue(cloudEventJson, type);
    }

    /** The same envelope with its payload mapped to another type, e.g. from {@code JsonNode} to a record. */
    public <T> CloudEvent<T> convert(CloudEvent<?> event, Class<T> dataType) {
        // a tree is read as it is; convertValue would write it out and parse it again
        return event.withData(
                event.data() instanceof JsonNode tree
                        ? json.treeToValue(tree, dataType)
                        : json.convertValue(event.data(), dataType));
    }

    /** The structured-mode JSON of an envelope, exactly as it goes to Kafka. */
    public byte[] write(CloudEvent<?> event) {
        return json.writeValueAsBytes(event);
    }
}
