package org.runonce.intake.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends applications accepted with deficiencies to the window clerks' queue (OVERDUE_PLEDGE) once their pledge date
 * passed without the missing materials, every {@code runonce.intake.pledge.check-interval}; and forgets idempotency
 * keys older than a day.
 */
@Component
class PledgeWatch {

    private static final Logger log = LoggerFactory.getLogger(PledgeWatch.class);

    private final ApplicationService service;

    PledgeWatch(ApplicationService service) {
        this.service = service;
    }

    @Scheduled(fixedDelayString = "${runonce.intake.pledge.check-interval:15m}", initialDelayString = "1m")
    void markOverdue() {
        int marked = service.markOverduePledges();
        if (marked > 0) {
            log.info("{} application(s) passed their pledge date with materials missing", marked);
        }
    }

    @Scheduled(fixedDelayString = "1h", initialDelayString = "5m")
    void forgetOldIdempotencyKeys() {
        service.forgetIdempotencyKeys();
    }
}
