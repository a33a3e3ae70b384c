package org.runonce.notification.notice;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.runonce.contracts.approval.CaseDecided;
import org.runonce.contracts.approval.CertificateIssued;
import org.runonce.contracts.approval.ComplainantNotice;
import org.runonce.contracts.approval.ComplaintFiled;
import org.runonce.contracts.approval.ComplaintReplied;
import org.runonce.contracts.approval.SupplementRequested;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationCompleted;
import org.runonce.contracts.intake.ApplicationPledgeOverdue;
import org.runonce.contracts.intake.ApplicationPreReviewPassed;
import org.runonce.contracts.intake.ApplicationRefused;
import org.runonce.contracts.intake.ApplicationResultDelivered;
import org.runonce.contracts.intake.ApplicationSupplementRequested;

/**
 * Which events the applicant hears about (by the contracts' event types), and with which template: the whole mapping
 * is this table. The recipient is the applicant of the event's {@code applicationNumber} (from the event's
 * {@code applicant}, else the contact kept from earlier intake events of that application); for a complaint, the
 * signed-in complainant ({@code complainantSubject}) in their inbox, an anonymous one at the contact they gave
 * ({@code ComplainantNotice}).
 */
final class NoticeRules {

    /** Event type -> template (from the event's data where it depends on it). */
    private static final Map<String, Function<NoticeFacts, String>> TEMPLATES = Map.ofEntries(
            Map.entry(ApplicationAccepted.TYPE, facts -> "accepted"),
            Map.entry(ApplicationSupplementRequested.TYPE, facts -> "one-time-notice"),
            Map.entry(ApplicationPreReviewPassed.TYPE, facts -> "pre-review-passed"),
            Map.entry(ApplicationRefused.TYPE, facts -> "refused"),
            Map.entry(SupplementRequested.TYPE, facts -> "supplement-requested"),
            Map.entry(
                    CaseDecided.TYPE,
                    facts -> "decided-"
                            + Objects.requireNonNullElse(facts.outcome(), CaseDecided.APPROVED)
                                    .toLowerCase(Locale.ROOT)),
            Map.entry(CertificateIssued.TYPE, facts -> "certificate-issued"),
            Map.entry(ApplicationCompleted.TYPE, facts -> "result-ready"),
            Map.entry(
                    ApplicationResultDelivered.TYPE,
                    facts -> "result-delivered-"
                            + Objects.requireNonNullElse(facts.method(), "WINDOW_PICKUP")
                                    .toLowerCase(Locale.ROOT)
                                    .replace('_', '-')),
            Map.entry(ApplicationPledgeOverdue.TYPE, facts -> "pledge-overdue"),
            // a signed-in complainant in their inbox; an anonymous one by ComplainantNotice below (null = none)
            Map.entry(ComplaintFiled.TYPE, facts -> facts.complainantSubject() == null ? null : "complaint-received"),
            Map.entry(ComplaintReplied.TYPE, facts -> facts.complainantSubject() == null ? null : "complaint-replied"),
            // an anonymous complainant at the contact they gave (an event no department receives)
            Map.entry(
                    ComplainantNotice.TYPE,
                    facts -> ComplainantNotice.REPLIED.equals(facts.notice())
                            ? "complaint-replied"
                            : "complaint-received"));

    private NoticeRules() {}

    /** The template announcing an event of this type with these facts, if the applicant hears about it. */
    static Optional<String> templateOf(String type, NoticeFacts facts) {
        return Optional.ofNullable(TEMPLATES.get(type)).map(f -> f.apply(facts));
    }

    /** Every event type the applicant hears about. */
    static java.util.Set<String> types() {
        return TEMPLATES.keySet();
    }
}
