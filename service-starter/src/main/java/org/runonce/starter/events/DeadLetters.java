package org.runonce.starter.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * What happens to a record the error handler gives up on (never one failing for a transient reason: those are
 * retried until the infrastructure is back). A record parked behind an earlier dead letter of its key is parked as
 * WAITING. Any other is a dead letter: parked in the consumer's database (the replayable record) and copied to
 * {@code <topic>.dlt} with Spring Kafka's diagnostic headers. A replayed record that fails again stays in its place.
 *
 * <p>Metrics: {@code runonce.events.dead.letters} (counter, tags {@code topic} = the dead-letter topic, {@code group})
 * and {@code runonce.events.parked} (gauge of what is parked now, tags {@code topic}, {@code group}, {@code kind} =
 * {@code DEAD_LETTER} or {@code WAITING}), refreshed by {@link #refreshGauge()}.
 */
class DeadLetters implements ConsumerAwareRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    static final String DEAD_LETTER_COUNTER = "runonce.events.dead.letters";
    static final String PARKED_GAUGE = "runonce.events.parked";

    private final DeadLetterPublishingRecoverer topics;
    private final ParkedEvents parked;
    private final MeterRegistry meters;
    private final MultiGauge gauge;

    DeadLetters(DeadLetterPublishingRecoverer topics, ParkedEvents parked, MeterRegistry meters) {
        this.topics = topics;
        this.parked = parked;
        this.meters = meters;
        this.gauge = meters == null
                ? null
                : MultiGauge.builder(PARKED_GAUGE)
                        .description("Records parked in the consumer's database: dead letters and the records of"
                                + " their keys waiting behind them")
                        .register(meters);
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception failure) {
        String group = consumer == null ? "unknown" : consumer.groupMetadata().groupId();
        UUID replayOf = CurrentRecord.replayOf(record);
        String error = describe(failure);
        // a replayed copy belongs to its row only in the row's own group (other groups and services see it too)
        boolean ownReplay = replayOf != null
                && parked.find(replayOf)
                        .filter(row -> row.group().equals(group) && row.topic().equals(record.topic()))
                        .isPresent();
        if (causedBy(failure, ParkedKeyException.class)) {
            if (!ownReplay) {
                parked.park(group, record, ParkedEvents.WAITING, error);
            }
            log.info(
                    "Parked {}-{}@{} (key {}): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    error);
            refreshGaugeQuietly();
            return;
        }
        // the database row first: it is what gets replayed; a failure here retries the record instead of losing it
        if (!ownReplay || !parked.failedAgain(replayOf, error)) {
            parked.park(group, record, ParkedEvents.DEAD_LETTER, error);
        }
        topics.accept(record, consumer, failure);
        if (meters != null) {
            Counter.builder(DEAD_LETTER_COUNTER)
                    .description("Records given up by a consumer: parked and copied to the dead-letter topic")
                    .tags("topic", record.topic() + RunOnceEventsAutoConfiguration.DLT_SUFFIX, "group", group)
                    .register(meters)
                    .increment();
        }
        log.error(
                "Dead letter {}-{}@{} (key {}, group {}): {}",
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                group,
                error);
        refreshGaugeQuietly();
    }

    /** Reads the parked counts from the database into the gauge. */
    void refreshGauge() {
        if (gauge == null) {
            return;
        }
        gauge.register(
                parked.counts().stream()
                        .map(c -> MultiGauge.Row.of(
                                Tags.of("topic", c.topic(), "group", c.group(), "kind", c.kind()), c.count()))
                        .toList(),
                true);
    }

    private void refreshGaugeQuietly() {
        try {
            refreshGauge();
        } catch (RuntimeException e) {
            log.debug("Could not refresh the parked-records gauge", e);
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, as {@code class: message}: what an operator needs to decide. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + ": " + root.getMessage();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
