package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import org.runonce.intake.agency.Agency;
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
    private final Agency agency;
    private final PreReviewing preReviewing;
    private final Time time;

    SubmittingApplication(
            SubmissionChecks checks,
            IdempotentRequests idempotent,
            Applications applications,
            ApplicationChanges changes,
            ApplicationAccess access,
            Agency agency,
            PreReviewing preReviewing,
            Time time) {
        this.checks = checks;
        this.idempotent = idempotent;
        this.applications = applications;
        this.changes = changes;
        this.access = access;
        this.agency = agency;
        this.preReviewing = preReviewing;
        this.time = time;
    }

    public IdempotentRequests.Response submit(
            Requests.SubmitApplication request, Caller caller, String idempotencyKey) {
        Instant now = time.now();
        LocalDate today = time.dayOf(now);
        SubmissionChecks.Admitted admitted = checks.check(request, caller, now, today);
        Actor clerk = admitted.channel() == Channel.WINDOW ? Actor.of(caller) : null;
        // filed by a clerk at the window or by an agent (帮办代办) for the principal; accepted by the clerk or the system
        Actor filedBy = clerk != null || admitted.mandate() != null ? Actor.of(caller) : null;
        return idempotent.once(caller.subject(), idempotencyKey, "submit", request, () -> {
            // numbered where it is accepted; handled, and its promised date counted, in its handling region
            String number = applications.nextNumber(admitted.acceptingRegion(), today.getYear());
            Application application = Application.submit(
                    new Submission(
                            number,
                            admitted.region(),
                            admitted.channel(),
                            admitted.applicant(),
                            filedBy,
                            admitted.identityCheck(),
                            admitted.bundle() == null ? null : admitted.bundle().code(),
                            admitted.bundle() == null ? null : admitted.bundle().name(),
                            admitted.requirements(),
                            admitted.form(),
                            admitted.provisions(),
                            request.pledgeDate()),
                    changes.terms(admitted.region(), clerk == null ? Actor.SYSTEM : clerk, now),
                    // online, an ONLINE_PRE_REVIEW item goes to a window clerk's pre-review (网上预审) first
                    preReviewing.requiredFor(admitted.channel(), admitted.requirements()));
            if (admitted.ticket() != null) { // the filing is part of the trip of the ticket the clerk serves
                application.servedOnTicket(
                        admitted.ticket().id().toString(), changes.terms(admitted.region(), clerk, now));
            }
            if (request.deliveryChoice() != null) { // refused, and nothing stored, when not offered
                application.chooseDelivery(
                        request.deliveryChoice().method(),
                        request.deliveryChoice().address(),
                        changes.terms(admitted.region(), Actor.of(caller), now));
            }
            if (admitted.mandate() != null) { // refused, and nothing stored, if revoked since the check
                agency.record(admitted.mandate().authorization(), number, Agency.SUBMISSION, caller);
            }
            changes.save(application, now);
            return new IdempotentRequests.Reply(201, access.view(application), ApplicationView.path(number));
        });
    }
}
