package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import org.runonce.intake.IntakeProperties;
import org.runonce.starter.domain.Time;
import org.runonce.starter.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to an existing application by the people handling it: pledge (容缺), acceptance and refusal at the window,
 * withdrawal, visits, result delivery, evaluation and its follow-up. Each loads the application locked, checks
 * access, lets the aggregate change itself, and saves it with its events: one transaction.
 */
@Service
public class ChangingApplication {

    private final ApplicationAccess access;
    private final ApplicationChanges changes;
    private final TransactionTemplate transactions;
    private final Time time;
    private final IntakeProperties properties;

    ChangingApplication(
            ApplicationAccess access,
            ApplicationChanges changes,
            TransactionTemplate transactions,
            Time time,
            IntakeProperties properties) {
        this.access = access;
        this.changes = changes;
        this.transactions = transactions;
        this.time = time;
        this.properties = properties;
    }

    public ApplicationView pledge(String number, LocalDate pledgeDate, Caller caller) {
        return change(number, caller, true, (application, terms) -> {
            atWindow(application, caller, "PLEDGE", terms);
            application.pledge(pledgeDate, terms);
        });
    }

    public ApplicationView accept(String number, Caller caller) {
        return change(number, caller, true, (application, terms) -> application.acceptAtWindow(terms));
    }

    public ApplicationView refuse(String number, Requests.Refusal refusal, Caller caller) {
        return change(
                number,
                caller,
                true,
                (application, terms) -> application.refuse(refusal.reason(), refusal.legalBasis(), terms));
    }

    public ApplicationView withdraw(String number, String reason, Caller caller) {
        return change(number, caller, true, (application, terms) -> {
            atWindow(application, caller, "WITHDRAWAL", terms);
            application.withdraw(reason, terms);
        });
    }

    public ApplicationView recordVisit(String number, String purpose, Caller caller) {
        return change(number, caller, true, (application, terms) -> application.recordVisit(purpose, terms));
    }

    public ApplicationView deliver(String number, Requests.Delivery delivery, Caller caller) {
        return change(
                number,
                caller,
                true,
                (application, terms) ->
                        application.deliver(delivery.method(), delivery.trackingNumber(), delivery.address(), terms));
    }

    public ApplicationView chooseDelivery(String number, Requests.DeliveryChoice choice, Caller caller) {
        return change(
                number,
                caller,
                true,
                (application, terms) -> application.chooseDelivery(choice.method(), choice.address(), terms));
    }

    public ApplicationView evaluate(String number, Requests.Evaluation evaluation, Caller caller) {
        return change(number, caller, false, (application, terms) -> {
            if (!application.ownedBy(caller.subject())) {
                throw ApplicationAccess.forbidden("Only the applicant rates the service.");
            }
            LocalDate due = terms.calendar()
                    .plusWorkingDays(terms.today(), properties.evaluation().followUpWorkingDays());
            application.evaluate(evaluation.rating(), evaluation.comment(), due, terms);
        });
    }

    public ApplicationView resolveFollowUp(String number, String note, Caller caller) {
        return change(number, caller, false, (application, terms) -> application.resolveFollowUp(note, terms));
    }

    /** Load for update, check access, change, save with events, answer the view: one transaction. */
    private ApplicationView change(String number, Caller caller, boolean actorRequired, Change change) {
        Instant now = time.now();
        return transactions.execute(tx -> {
            Application application = access.forUpdate(number, caller);
            if (actorRequired) {
                ApplicationAccess.requireActor(application, caller);
            }
            change.apply(application, changes.terms(application, Actor.of(caller), now));
            changes.save(application, now);
            return access.view(application);
        });
    }

    @FunctionalInterface
    private interface Change {
        void apply(Application application, Terms terms);
    }

    /** A clerk acting for an applicant means the applicant is at the window: an in-person contact. */
    static void atWindow(Application application, Caller caller, String purpose, Terms terms) {
        if (caller.hasRole(ApplicationAccess.WINDOW_CLERK) && !application.ownedBy(caller.subject())) {
            application.recordVisit(purpose, terms);
        }
    }
}
