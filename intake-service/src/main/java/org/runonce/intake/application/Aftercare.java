package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.runonce.intake.completeness.FieldError;
import org.runonce.intake.completeness.PinnedItem;
import org.runonce.starter.domain.Refusal;

/**
 * What follows completion: the results of every case delivered once (统一出件), by a method every item offers, and
 * the applicant's rating (好差评), once, whose 1 or 2 opens a follow-up for supervisors.
 */
final class Aftercare {

    static final String WINDOW_PICKUP = "WINDOW_PICKUP";
    static final String MAIL = "MAIL";
    static final String ELECTRONIC = "ELECTRONIC";

    private final String applicationNumber;
    private final List<PinnedItem> items;
    private Records.Delivery delivery;
    private Records.Evaluation evaluation;

    Aftercare(
            String applicationNumber,
            List<PinnedItem> items,
            Records.Delivery delivery,
            Records.Evaluation evaluation) {
        this.applicationNumber = applicationNumber;
        this.items = items;
        this.delivery = delivery;
        this.evaluation = evaluation;
    }

    /** Nothing delivered or rated yet. */
    static Aftercare beforeCompletion(String applicationNumber, List<PinnedItem> items) {
        return new Aftercare(applicationNumber, items, null, null);
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

    /** Records the one delivery; by mail with a tracking number and an address. */
    Records.Delivery deliver(String method, String trackingNumber, String address, Actor actor, Instant now) {
        if (delivery != null) {
            throw Application.conflict(
                    "delivery-already-recorded",
                    "The results were delivered on " + delivery.deliveredAt() + " by " + delivery.method() + ".");
        }
        List<String> offered = deliveryOptions();
        if (!offered.contains(method)) {
            throw Refusal.unprocessable(
                            "delivery-method-not-offered",
                            "Delivery method not offered",
                            "The results of this application can be delivered by " + offered + ".")
                    .with("offered", offered);
        }
        boolean mail = MAIL.equals(method);
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

    /** Records the one rating; 1 or 2 opens a follow-up due on {@code followUpDue}. */
    Records.Evaluation evaluate(int rating, String comment, LocalDate followUpDue, Instant now) {
        if (evaluation != null) {
            throw Application.conflict(
                    "evaluation-already-recorded", "Application " + applicationNumber + " was already rated.");
        }
        evaluation = Records.Evaluation.given(rating, comment, now, rating <= 2 ? followUpDue : null);
        return evaluation;
    }

    /** A supervisor closes the follow-up of a bad rating. */
    void resolveFollowUp(String note, Actor actor, Instant now) {
        if (evaluation == null || !evaluation.followUpOpen()) {
            throw Application.conflict(
                    "no-open-follow-up", "Application " + applicationNumber + " has no open follow-up.");
        }
        evaluation = evaluation.resolved(actor.username(), note, now);
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
