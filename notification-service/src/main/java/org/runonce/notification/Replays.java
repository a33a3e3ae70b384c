package org.runonce.notification;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Records an operator replays from the parked events ({@code /api/notifications/admin/parked-events}): the starter
 * republishes them with the header {@code runonce-replay-of}, and only the listener's transactional path (through
 * {@code ProcessedEvents}) marks the parked row applied, so a consumer never passes such a record over.
 */
public final class Replays {

    /** The starter's header naming the parked row a record replays. */
    static final String HEADER = "runonce-replay-of";

    private Replays() {}

    /** Whether the record is a replay of a parked one. */
    public static boolean isReplay(ConsumerRecord<?, ?> record) {
        return record.headers().lastHeader(HEADER) != null;
    }
}
