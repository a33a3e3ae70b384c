package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.runonce.intake.completeness.FieldError;
import org.runonce.intake.completeness.PinnedItem;
import org.runonce.starter.domain.Refusal;

/**
 * What follows completion: the results of every case delivered once (统一出件), by a method every item offers and
 * the applicant chose (electronic delivery is recorded by itself at completion), and the applicant's rating (好差评),
 * once, whose 1 or 2 opens a follow-up for supervisors.
 */
final class Aftercare {

    static final String WINDOW_PICKUP = "WINDOW_PICKUP";
    static final String MAIL = "MAIL";
    static final String ELECTRONIC = "ELECTRONIC";

    private final String applicationNumber;
    private final List<PinnedItem> items;
    private Records.DeliveryChoice choice;
    private Records.Delivery delivery;
    private Records.Evaluation evaluation;

    Aftercare(
            String applicationNumber,
            List<PinnedItem> items,
            Records.DeliveryChoice choice,
            Records.Delivery delivery,
            Records.Evaluation evaluation) {
        this.applicationNumber = applicationNumber;
        this.items = items;
        this.choice = choice;
        this.delivery = delivery;
        this.evaluation = evaluation;
    }

    /** Nothing chosen, delivered or rated yet. */
    static Aftercare beforeCompletion(String applicationNumber, List<PinnedItem> items) {
        return new Aftercare(applicationNumber, items, null, null, null);
    }

    /** The applicant chooses (or changes) how the results reach them, until they are delivered. */
    Records.DeliveryChoice choose(String method, String address, Actor actor, Instant now) {
        requireNotDelivered();
        requireOffered(method);
        if (MAIL.equals(method) && blank(address)) {
            throw FieldError.refusal(
                    Refusal.badRequest("validation-failed", "Validation failed", "Mail needs an address."),
                    List.of(new FieldError("address", "is required for MAIL")));
        }
        choice = new Records.DeliveryChoice(method, MAIL.equals(method) ? address : null, actor.username(), now);
        return choice;
    }

    /** Electronic delivery, when chosen, happens at completion by itself: the certificates are in the wallet. */
    Optional<Records.Delivery> deliverElectronically(Instant now) {
        if (delivery != null || choice == null || !ELECTRONIC.equals(choice.method())) {
            return Optional.empty();
        }
        delivery = new Records.Delivery(ELECTRONIC, null, null, "system", now);
        return Optional.of(delivery);
    }

    /**
     * The methods the results can be delivered by at once: each item offers the method, or delivers its result
     * electronically anyway (an e-certificate needs no trip and no post).
     */
    List<String> deliveryOptions() {
        return Stream.of(WINDOW_PICKUP, MAIL, ELECTRONIC)
                .filter(method -> items.stream()
                        .allMatch(item -> item.deliveryOptions().contains(method)
                                || item.deliveryOptions().contains(ELECTRONIC)))
                .toList();
    }

    /**
     * Records the one delivery; by mail with a tracking number and an address (the chosen one when none is given).
     * Another method than the applicant chose is refused, except a pick-up by the applicant in person.
     */
    Records.Delivery deliver(String method, String trackingNumber, String address, Actor actor, Instant now) {
        requireNotDelivered();
        requireOffered(method);
        if (choice != null && !choice.method().equals(method) && !WINDOW_PICKUP.equals(method)) {
            throw Application.conflict(
                            "delivery-choice-differs",
                            "The applicant chose " + choice.method() + " on " + choice.chosenAt() + ".")
                    .with("chosen", choice.method());
        }
        boolean mail = MAIL.equals(method);
        if (mail && blank(address) && choice != null) {
            address = choice.address();
        }
        if (mail && (blank(trackingNumber) || blank(address))) {
            List<FieldError> errors = new ArrayList<>();
            if (blank(trackingNumber)) {
                errors.add(new FieldError("trackingNumber", "is required for MAIL"));
            }
            if (blank(address)) {
                errors.add(new FieldError("address", "is required for MAIL"));
            }
            throw FieldError.refusal(
                    Refusal.badRequest("validation-failed", "Validation failed", "Mail needs both."), errors);
        }
        delivery = new Records.Delivery(
                method, mail ? trackingNumber : null, mail ? address : null, actor.username(), now);
        return delivery;
    }

    private void requireNotDelivered() {
        if (delivery != null) {
            throw Application.conflict(
                    "delivery-already-recorded",
                    "The results were delivered on " + delivery.deliveredAt() + " by " + delivery.method() + ".");
        }
    }

    private void requireOffered(String method) {
        List<String> offered = deliveryOptions();
        if (!offered.contains(method)) {
            throw Refusal.unprocessable(
                            "delivery-method-not-offered",
                            "Delivery method not offered",
                            "The results of this application can be delivered by " + offered + ".")
                    .with("offered", offered);
        }
    }

    /**
     * Records the one rating of the {@code departments} concerned, given through {@code channel}; 1 or 2 opens a
     * follow-up by each of them, due on {@code followUpDue}.
     */
    Records.Evaluation evaluate(
            int rating, String comment, LocalDate followUpDue, String channel, List<String> departments, Instant now) {
        if (evaluation != null) {
            throw Application.conflict(
                    "evaluation-already-recorded", "Application " + applicationNumber + " was already rated.");
        }
        evaluation =
                Records.Evaluation.given(rating, comment, now, rating <= 2 ? followUpDue : null, channel, departments);
        return evaluation;
    }

    /** A department rated badly records its follow-up, once; the last one closes it. */
    Records.FollowUp followUp(String department, String note, Actor actor, Instant now) {
        requireOpenFollowUp();
        if (!evaluation.departments().contains(department)) {
            throw Application.conflict(
                    "not-a-rated-department",
                    "Department " + department + " was not rated on application " + applicationNumber + ".");
        }
        if (evaluation.followedUpBy(department)) {
            throw Application.conflict(
                    "follow-up-already-recorded",
                    "Department " + department + " already followed up application " + applicationNumber + ".");
        }
        evaluation = evaluation.followedUp(department, actor.username(), note, now);
        return evaluation.followUps().getLast();
    }

    /** A supervisor closes the follow-up of a bad rating (escalated, or handled otherwise). */
    void resolveFollowUp(String note, Actor actor, Instant now) {
        requireOpenFollowUp();
        evaluation = evaluation.resolved(actor.username(), note, now);
    }

    private void requireOpenFollowUp() {
        if (evaluation == null || !evaluation.followUpOpen()) {
            throw Application.conflict(
                    "no-open-follow-up", "Application " + applicationNumber + " has no open follow-up.");
        }
    }

    Records.DeliveryChoice deliveryChoice() {
        return choice;
    }

    Records.Delivery delivery() {
        return delivery;
    }

    Records.Evaluation evaluation() {
        return evaluation;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
