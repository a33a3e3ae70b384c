package org.runonce.notification.notice;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Which events the applicant hears about, and with which template: the whole mapping is this table. The recipient is
 * the applicant of the event's {@code applicationNumber} (from the event's {@code applicant}, else the contact kept
 * from earlier intake events of that application).
 */
final class NoticeRules {

    /** Intake event types (contracts {@code org.runonce.contracts.intake}). */
    static final String ACCEPTED = "org.runonce.intake.application.accepted.v1";

    static final String ONE_TIME_NOTICE = "org.runonce.intake.application.supplement-requested.v1";
    static final String REFUSED = "org.runonce.intake.application.refused.v1";
    static final String RESULT_READY = "org.runonce.intake.application.completed.v1";
    static final String PLEDGE_OVERDUE = "org.runonce.intake.application.pledge-overdue.v1";

    /** Approval event types (contracts {@code org.runonce.contracts.approval}). */
    static final String SUPPLEMENT_REQUESTED = "org.runonce.approval.case.supplement-requested.v1";

    static final String DECIDED = "org.runonce.approval.case.decided.v1";
    static final String CERTIFICATE_ISSUED = "org.runonce.approval.certificate.issued.v1";

    /** Event type -> template (from the event's data where it depends on it). */
    private static final Map<String, Function<JsonNode, String>> TEMPLATES = Map.of(
            ACCEPTED, data -> "accepted",
            ONE_TIME_NOTICE, data -> "one-time-notice",
            REFUSED, data -> "refused",
            SUPPLEMENT_REQUESTED, data -> "supplement-requested",
            DECIDED, data -> "decided-" + text(data, "outcome", "APPROVED").toLowerCase(Locale.ROOT),
            CERTIFICATE_ISSUED, data -> "certificate-issued",
            RESULT_READY, data -> "result-ready",
            PLEDGE_OVERDUE, data -> "pledge-overdue");

    private NoticeRules() {}

    /** The template announcing an event of this type with this data, if the applicant hears about it. */
    static Optional<String> templateOf(String type, JsonNode data) {
        return Optional.ofNullable(TEMPLATES.get(type)).map(f -> f.apply(data));
    }

    /** Every event type the applicant hears about. */
    static java.util.Set<String> types() {
        return TEMPLATES.keySet();
    }

    static String text(JsonNode data, String field, String fallback) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? fallback : value.asString();
    }
}
