package org.runonce.intake.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.intake.IntakeIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Uploads nobody used expire after {@code documents.unused-expiry} (30 days) and are deleted with their content a
 * cleanup interval later; uploads an application uses, accepted or not, stay.
 */
class UnusedDocumentsIT extends IntakeIT {

    @Autowired
    UnusedDocuments unused;

    @Test
    void anUploadNobodyUsedExpiresThenGoesWithItsContentWhileUsedOnesStay() throws Exception {
        String subject = newSubject();
        Map<String, Object> self = person("丙");
        RequestPostProcessor me = applicant(subject, self);
        String forgotten = uploadPdf(me);
        // used by an application still waiting for a material (no department granted anything)
        List<Map<String, Object>> waiting = documents(me, "ID_CARD");
        JsonNode pending = submit(
                me,
                Map.of(
                        "itemCode",
                        "hrss-unemployment-benefit",
                        "applicant",
                        self,
                        "form",
                        Map.of("terminationDate", "2026-10-31"),
                        "materials",
                        waiting),
                201);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING_SUPPLEMENT");
        String usedOnly = (String) waiting.getFirst().get("documentId");

        clock().set("2026-12-21T10:00"); // 31 days later
        unused.round();

        assertThat(expired(forgotten)).isTrue();
        assertThat(expired(usedOnly)).isFalse();
        // an expired upload can no longer be used
        JsonNode refused = submit(
                me,
                Map.of(
                        "itemCode",
                        "hrss-unemployment-benefit",
                        "applicant",
                        self,
                        "form",
                        Map.of("terminationDate", "2026-10-31"),
                        "materials",
                        List.of(Map.of("code", "ID_CARD", "documentId", forgotten))),
                400);
        assertThat(refused.get("errors").findValuesAsString("field")).contains("materials[0].documentId");
        assertThat(rows("document_content", "document_id", forgotten)).isOne();

        clock().set("2026-12-21T11:30"); // a cleanup interval (1 h) after the mark
        unused.round();

        assertThat(rows("document", "id", forgotten)).isZero();
        assertThat(rows("document_content", "document_id", forgotten)).isZero();
        assertThat(rows("document", "id", usedOnly)).isOne();
        assertThat(rows("document_content", "document_id", usedOnly)).isOne();
        getJson(me, "/api/intake/documents/" + forgotten, 404);
        getJson(me, "/api/intake/documents/" + usedOnly, 200);
    }

    private boolean expired(String id) {
        return jdbc.sql("select expired_at is not null from document where id = ?")
                .param(UUID.fromString(id))
                .query(Boolean.class)
                .single();
    }

    private long rows(String table, String column, String id) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
                .param(UUID.fromString(id))
                .query(Long.class)
                .single();
    }
}
