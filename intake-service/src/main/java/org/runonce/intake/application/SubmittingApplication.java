package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import org.runonce.intake.idempotency.IdempotentRequests;
import org.runonce.starter.domain.Time;
import org.runonce.starter.security.Caller;
import org.springframework.stereotype.Service;

/**
 * Submitting an application (一窗受理): checked at once outside a transaction (every invalid field together), then,
 * once per {@code Idempotency-Key}, numbered, checked for completeness, accepted or answered with the one-time
 * notice, and saved with its events in one transaction.
 */
@Service
public class SubmittingApplication {

    private final SubmissionChecks checks;
    private final IdempotentRequests idempotent;
    private final Applications applications;
    private final ApplicationChanges changes;
    private final ApplicationAccess access;
    private final Time time;

    SubmittingApplication(
            SubmissionChecks checks,
            IdempotentRequests idempotent,
            Applications applications,
            ApplicationChanges changes,
            ApplicationAccess access,
            Time time) {
        this.checks = checks;
        this.idempotent = idempotent;
        this.applications = applications;
        this.changes = changes;
        this.access = access;
        this.time = time;
    }

    public IdempotentRequests.Response submit(
            Requests.SubmitApplication request, Caller caller, String idempotencyKey) {
        Instant now = time.now();
        LocalDate today = time.dayOf(now);
        SubmissionChecks.Admitted admitted = checks.check(request, caller, now, today);
        Actor clerk = admitted.channel() == Channel.WINDOW ? Actor.of(caller) : null;
        return idempotent.once(caller.subject(), idempotencyKey, "submit", request, () -> {
            String number = applications.nextNumber(admitted.region(), today.getYear());
            Application application = Application.submit(
                    new Submission(
                            number,
                            admitted.region(),
                            admitted.channel(),
                            admitted.applicant(),
                            clerk,
                            admitted.identityCheck(),
                            admitted.bundle() == null ? null : admitted.bundle().code(),
                            admitted.bundle() == null ? null : admitted.bundle().name(),
                            admitted.requirements(),
                            admitted.form(),
                            admitted.provisions(),
                            request.pledgeDate()),
                    changes.terms(admitted.region(), clerk == null ? Actor.SYSTEM : clerk, now));
            changes.save(application, now);
            return new IdempotentRequests.Reply(201, access.view(application), ApplicationView.path(number));
        });
    }
}
