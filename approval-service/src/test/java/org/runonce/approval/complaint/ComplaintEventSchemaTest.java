package org.runonce.approval.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.approval.ComplaintEscalated;
import org.runonce.contracts.approval.ComplaintFiled;
import org.runonce.contracts.approval.ComplaintOverdue;
import org.runonce.contracts.approval.ComplaintReplied;
import org.runonce.contracts.approval.InquiryOverdue;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The complaint and inquiry events as approval writes them validate against their schemas; one with a contact, an
 * unknown reason or a malformed number does not.
 */
class ComplaintEventSchemaTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant NOW = Instant.parse("2026-10-14T01:00:00Z");
    static final LocalDate DUE = LocalDate.parse("2026-10-13");
    static final String NUMBER = "TS-2026-000001";

    static String json(String type, String subject, String department, Object data) {
        return JSON.writeValueAsString(
                CloudEvent.of("5f0c6f3e-1c1e-4c55-9d6c-0d1d2f0b7a11", "/runonce/approval", type, NOW, subject, data)
                        .inDepartment(department));
    }

    static List<String> violations(String type, String subject, String department, Object data) {
        return EventSchemas.violations(EventSchemas.schemaOf(type), json(type, subject, department, data));
    }

    @Test
    void everyComplaintAndInquiryEventValidates() {
        assertThat(violations(
                        ComplaintFiled.TYPE,
                        NUMBER,
                        "SAMR",
                        new ComplaintFiled(
                                NUMBER, "CASE", "330000-2026-000000001-01", "ONLINE", false, "SAMR", 5, DUE, NOW)))
                .isEmpty();
        assertThat(violations(
                        ComplaintFiled.TYPE,
                        NUMBER,
                        null,
                        new ComplaintFiled(NUMBER, "WINDOW", "综合窗口3号", "PHONE", true, null, 5, null, NOW)))
                .isEmpty();
        assertThat(violations(
                        ComplaintReplied.TYPE,
                        NUMBER,
                        "SAMR",
                        new ComplaintReplied(NUMBER, "SAMR", "li.samr", NOW, DUE, false)))
                .isEmpty();
        assertThat(violations(
                        ComplaintEscalated.TYPE,
                        NUMBER,
                        "SAMR",
                        new ComplaintEscalated(NUMBER, "SAMR", "OVERDUE", "system", NOW, List.of("supervisor"))))
                .isEmpty();
        assertThat(violations(
                        ComplaintOverdue.TYPE,
                        NUMBER,
                        "SAMR",
                        new ComplaintOverdue(NUMBER, "SAMR", DUE, NOW, List.of("department-head", "supervisor"))))
                .isEmpty();
        assertThat(violations(
                        InquiryOverdue.TYPE,
                        "ZX-2026-000001",
                        null,
                        new InquiryOverdue(
                                "ZX-2026-000001",
                                "clerk.wang",
                                null,
                                LocalDate.parse("2026-10-09"),
                                NOW,
                                List.of("department-head", "supervisor"))))
                .isEmpty();
    }

    @Test
    void aContactAnUnknownReasonOrAMalformedNumberDoesNot() {
        var filed = new ComplaintFiled(NUMBER, "DEPARTMENT", "PSB", "ONLINE", true, "PSB", 5, DUE, NOW);
        var withContact = (ObjectNode) JSON.readTree(json(ComplaintFiled.TYPE, NUMBER, "PSB", filed));
        ((ObjectNode) withContact.get("data")).put("contactPhone", "13912345678");
        assertThat(EventSchemas.violations(
                        EventSchemas.schemaOf(ComplaintFiled.TYPE), JSON.writeValueAsString(withContact)))
                .isNotEmpty();

        assertThat(violations(
                        ComplaintEscalated.TYPE,
                        NUMBER,
                        "SAMR",
                        new ComplaintEscalated(NUMBER, "SAMR", "BORED", "complainant", NOW, List.of("supervisor"))))
                .isNotEmpty();
        assertThat(violations(
                        ComplaintReplied.TYPE,
                        "C-1",
                        "SAMR",
                        new ComplaintReplied("C-1", "SAMR", "li.samr", NOW, DUE, true)))
                .isNotEmpty();
        assertThat(violations(ComplaintOverdue.TYPE, NUMBER, "SAMR", Map.of("number", NUMBER)))
                .isNotEmpty();
    }
}
