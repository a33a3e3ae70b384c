package org.runonce.intake.hall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.runonce.starter.domain.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks booked appointments whose slot ended more than {@code no-show-grace} ago without arrival as no-shows, every
 * {@code no-show-check-interval}. One UPDATE does it: with several instances each appointment is marked once.
 */
@Component
class NoShowWatch {

    private static final Logger log = LoggerFactory.getLogger(NoShowWatch.class);

    private final HallStore store;
    private final HallProperties properties;
    private final Time time;

    NoShowWatch(HallStore store, HallProperties properties, Time time) {
        this.store = store;
        this.properties = properties;
        this.time = time;
    }

    @Scheduled(
            fixedDelayString = "${runonce.intake.hall.no-show-check-interval:5m}",
            initialDelayString = "${runonce.intake.hall.no-show-check-interval:5m}")
    void check() {
        int marked = markNoShows().size();
        if (marked > 0) {
            log.info("{} appointment(s) passed their slot without arrival: no-shows", marked);
        }
    }

    /** Marks the no-shows due now; returns those this call marked. */
    List<UUID> markNoShows() {
        Instant now = time.now();
        return store.markNoShows(now.minus(properties.noShowGrace()), now);
    }
}
