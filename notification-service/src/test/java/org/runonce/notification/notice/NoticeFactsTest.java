package org.runonce.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.approval.CaseDecided;
import org.runonce.contracts.approval.ComplainantNotice;
import org.runonce.contracts.approval.ComplaintFiled;
import org.runonce.contracts.approval.ComplaintReplied;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationRefused;
import org.runonce.contracts.intake.ApplicationResultDelivered;
import org.runonce.contracts.intake.ApplicationSupplementRequested;
import tools.jackson.databind.json.JsonMapper;

/** The facts a notice reads are fields of the contract records they come from, with the same types. */
class NoticeFactsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where each fact comes from: the contract records that carry it. */
    static final Map<String, List<Class<?>>> SOURCES = Map.of(
            "applicationNumber",
                    List.of(
                            ApplicationAccepted.class,
                            ApplicationRefused.class,
                            ApplicationSupplementRequested.class,
                            CaseDecided.class),
            "applicant", List.of(ApplicationAccepted.class, ApplicationRefused.class),
            "acceptedAt", List.of(ApplicationAccepted.class),
            "decidedAt", List.of(CaseDecided.class),
            "withDeficiencies", List.of(ApplicationAccepted.class),
            "outcome", List.of(CaseDecided.class),
            "method", List.of(ApplicationResultDelivered.class),
            "complainantSubject", List.of(ComplaintFiled.class, ComplaintReplied.class),
            "notice", List.of(ComplainantNotice.class),
            "complainant", List.of(ComplainantNotice.class));

    @Test
    void everyFactIsAFieldOfTheContractRecordsItIsReadFrom() throws Exception {
        for (RecordComponent fact : NoticeFacts.class.getRecordComponents()) {
            assertThat(SOURCES).containsKey(fact.getName());
            for (Class<?> contract : SOURCES.get(fact.getName())) {
                Class<?> type = contract.getMethod(fact.getName()).getReturnType();
                assertThat(boxed(type))
                        .as("%s.%s", contract.getSimpleName(), fact.getName())
                        .isEqualTo(fact.getType());
            }
        }
    }

    @Test
    void factsAreReadFromTheDataAndWhatAnEventDoesNotCarryStaysNull() {
        var accepted = NoticeFacts.of(JSON.readTree("""
                {"applicationNumber": "A-1", "acceptedAt": "2026-11-20T02:00:00Z", "withDeficiencies": true,
                 "applicant": {"subject": "s-1", "name": "Li Lei", "email": "li@example.com", "locale": "en"},
                 "cases": [{"caseNumber": "A-1-01"}]}"""));

        assertThat(accepted.applicationNumber()).isEqualTo("A-1");
        assertThat(accepted.acceptedAt()).isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));
        assertThat(accepted.acceptedWithDeficiencies()).isTrue();
        assertThat(accepted.applicant().email()).isEqualTo("li@example.com");
        assertThat(accepted.decidedAt()).isNull();
        assertThat(accepted.outcome()).isNull();

        var decided = NoticeFacts.of(JSON.readTree("""
                {"applicationNumber": "A-1", "caseNumber": "A-1-01", "outcome": "REJECTED"}"""));
        assertThat(decided.outcome()).isEqualTo("REJECTED");
        assertThat(decided.acceptedWithDeficiencies()).isFalse();
        assertThat(NoticeFacts.of(null).applicationNumber()).isNull();
    }

    private static Class<?> boxed(Class<?> type) {
        return type == boolean.class ? Boolean.class : type == int.class ? Integer.class : type;
    }
}
