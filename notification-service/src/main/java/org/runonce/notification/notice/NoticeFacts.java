package org.runonce.notification.notice;

import java.time.Instant;
import org.runonce.contracts.approval.ComplainantNotice;
import org.runonce.contracts.intake.Applicant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a notice needs from an event's data, read once as a record: the consumer's own record of the contract fields
 * it uses (STYLE: checked against the contract records it reads them from, in {@code NoticeFactsTest}). A field the
 * event's type does not carry stays null. The templates themselves fill their placeholders from the data by name.
 *
 * @param applicationNumber the application the event concerns (every intake event, every case event)
 * @param applicant who applied, with the ways to reach them (intake events)
 * @param acceptedAt when the application was accepted ({@code ApplicationAccepted})
 * @param decidedAt when a case was decided ({@code CaseDecided})
 * @param withDeficiencies accepted with a pledge for missing non-key materials ({@code ApplicationAccepted})
 * @param outcome {@code APPROVED} or {@code REJECTED} ({@code CaseDecided})
 * @param method {@code WINDOW_PICKUP}, {@code MAIL} or {@code ELECTRONIC} ({@code ApplicationResultDelivered})
 * @param complainantSubject the signed-in complainant's account ({@code ComplaintFiled}, {@code ComplaintReplied})
 * @param notice {@code RECEIVED} or {@code REPLIED} ({@code ComplainantNotice})
 * @param complainant an anonymous complainant's contact ({@code ComplainantNotice})
 */
record NoticeFacts(
        String applicationNumber,
        Applicant applicant,
        Instant acceptedAt,
        Instant decidedAt,
        Boolean withDeficiencies,
        String outcome,
        String method,
        String complainantSubject,
        String notice,
        ComplainantNotice.Complainant complainant) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final NoticeFacts NONE = new NoticeFacts(null, null, null, null, null, null, null, null, null, null);

    static NoticeFacts of(JsonNode data) {
        return data == null || !data.isObject() ? NONE : JSON.treeToValue(data, NoticeFacts.class);
    }

    boolean acceptedWithDeficiencies() {
        return Boolean.TRUE.equals(withDeficiencies);
    }
}
