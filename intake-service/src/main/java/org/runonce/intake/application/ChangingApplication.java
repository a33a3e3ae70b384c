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

    static final String SIGNED_AT_WINDOW = "SIGNED_AT_WINDOW";
    static final String ONLINE = "ONLINE";
    static final String WINDOW = "WINDOW";
    static final String SMS_LINK = "SMS_LINK";

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

    /**
     * Withdrawn by the applicant (or their agent), or by a clerk: with the applicant's signature at the window (a
     * visit), or else with a reason, recorded as not confirmed by the applicant for supervision to see.
     */
    public ApplicationView withdraw(String number, Requests.Withdrawal withdrawal, Caller caller) {
        return change(number, caller, true, (application, terms) -> {
            boolean clerk = caller.hasRole(ApplicationAccess.WINDOW_CLERK) && !application.ownedBy(caller.subject());
            boolean signed = SIGNED_AT_WINDOW.equals(withdrawal.confirmation());
            if (clerk && signed) {
                atWindow(application, caller, "WITHDRAWAL", terms);
            }
            application.withdraw(
                    withdrawal.reason(), !clerk || signed, clerk && signed ? SIGNED_AT_WINDOW : null, terms);
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

    /** The applicant rates online; a clerk records the applicant's rating at the window. */
    public ApplicationView evaluate(String number, Requests.Evaluation evaluation, Caller caller) {
        return change(number, caller, false, (application, terms) -> {
            String channel;
            if (application.ownedBy(caller.subject())) {
                channel = ONLINE;
            } else if (caller.hasRole(ApplicationAccess.WINDOW_CLERK)) {
                channel = WINDOW;
            } else {
                throw ApplicationAccess.forbidden(
                        "Only the applicant rates the service (or a clerk records their rating at the window).");
            }
            rate(application, evaluation, channel, terms);
        });
    }

    /** A rating through the link sent to the applicant (by SMS): the link is the applicant's authority. */
    public RatingView evaluateByLink(String number, Requests.Evaluation evaluation) {
        Instant now = time.now();
        return transactions.execute(tx -> {
            Application application = access.forUpdate(number);
            rate(application, evaluation, SMS_LINK, changes.terms(application, Actor.SYSTEM, now));
            changes.save(application, now);
            return RatingView.of(application);
        });
    }

    private void rate(Application application, Requests.Evaluation evaluation, String channel, Terms terms) {
        LocalDate due = terms.calendar()
                .plusWorkingDays(terms.today(), properties.evaluation().followUpWorkingDays());
        application.evaluate(evaluation.rating(), evaluation.comment(), due, channel, terms);
    }

    /**
     * A department rated badly follows the rating up (its reviewers or head). Another department, or an application
     * without a rating of that department, learns nothing (404).
     */
    public ApplicationView followUpRating(String number, String note, Caller caller) {
        Instant now = time.now();
        return transactions.execute(tx -> {
            Application application = access.forUpdate(number);
            String department = caller.department()
                    .filter(d -> application.ratedDepartments().contains(d))
                    .orElseThrow(() -> ApplicationAccess.notFound(number));
            application.followUpRating(department, note, changes.terms(application, Actor.of(caller), now));
            changes.save(application, now);
            return access.view(application);
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
