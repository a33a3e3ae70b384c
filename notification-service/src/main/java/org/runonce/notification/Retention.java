package org.runonce.notification;

import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What notification keeps about applicants is not kept for good (storage limitation, PIPL Art. 19): every
 * {@code retention.interval} each {@link Round} deletes what is finished and past its retention,
 * {@code retention.batch-size} rows per statement (its own transaction), rows claimed with {@code SKIP LOCKED}, so
 * that instances running it together share the rows, neither waits for the other and none is counted twice. A failed
 * round is tried again at the next run.
 */
@Component
public class Retention {

    /** What one kind of row needs deleted (the notices, the webhook deliveries). */
    public interface Round {

        /** What it deletes, for the log ("sent notices"). */
        String what();

        /** Deletes everything past its retention, {@code batchSize} rows per statement; how many. */
        int deleteExpired(int batchSize);

        /** Runs {@code batch} (a statement deleting up to {@code batchSize} rows) while it comes back full; the total. */
        static int untilFewerThan(int batchSize, IntSupplier batch) {
            int total = 0;
            int done;
            do {
                done = batch.getAsInt();
                total += done;
            } while (done == batchSize);
            return total;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final List<Round> rounds;
    private final NotificationProperties.Retention settings;

    Retention(List<Round> rounds, NotificationProperties properties) {
        this.rounds = rounds;
        this.settings = properties.retention();
    }

    @Scheduled(
            fixedDelayString = "${runonce.notification.retention.interval:1h}",
            initialDelayString = "${runonce.notification.retention.interval:1h}")
    void scheduled() {
        if (!settings.enabled()) {
            return;
        }
        for (Round round : rounds) {
            try {
                int deleted = round.deleteExpired(settings.batchSize());
                if (deleted > 0) {
                    log.info("Retention: deleted {} {}", deleted, round.what());
                }
            } catch (RuntimeException e) {
                log.warn("Retention of {} failed, the next run tries again: {}", round.what(), e.toString());
            }
        }
    }
}
