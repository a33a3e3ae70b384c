package org.runonce.approval.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runonce.approval.Tokens.caller;
import static org.runonce.approval.Tokens.head;
import static org.runonce.approval.Tokens.reviewer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.approval.cases.Reviewing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * The audit trail on real PostgreSQL: appended for every state change, assignment and view; the database refuses to
 * change or delete it; and if the table owner switches that off and edits or deletes a row anyway, the verification
 * endpoint names the first broken link.
 */
class AuditIT extends RunningApproval {

    @Autowired
    Reviewing reviewing;

    @BeforeEach
    void today() {
        clock.setDay("2026-09-22");
    }

    /** A case with six entries: opened, claimed, review started, assigned, material viewed, step advanced. */
    String caseWithHistory() throws Exception {
        String app = Fixtures.newApplicationNumber();
        opening.open(Fixtures.single(app, Fixtures.FOOD, "SAMR", clock.instant()));
        String number = app + "-01";
        var li = caller("li.samr", "SAMR", "reviewer");
        reviewing.claim(number, li);
        reviewing.startReview(number, li);
        reviewing.assign(number, "zhou.samr", "workload", caller("head.samr", "SAMR", "department-head"));
        mvc.perform(get("/api/approval/cases/" + number + "/materials/FOOD_SAFETY_PLAN")
                        .with(reviewer("SAMR", "zhou.samr")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentId").isNotEmpty());
        reviewing.advance(number, "审查通过", caller("zhou.samr", "SAMR", "reviewer"));
        return number;
    }

    String verify(String number) throws Exception {
        return mvc.perform(
                        get("/api/approval/cases/" + number + "/audit/verify").with(head("SAMR", "head.samr")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void everyChangeAssignmentAndViewIsChainedAndTheChainVerifies() throws Exception {
        String number = caseWithHistory();

        mvc.perform(get("/api/approval/cases/" + number + "/audit").with(reviewer("SAMR", "li.samr")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action")
                        .value(org.hamcrest.Matchers.contains(
                                "OPENED", "CLAIMED", "REVIEW_STARTED", "ASSIGNED", "MATERIAL_VIEWED", "STEP_ADVANCED")))
                .andExpect(jsonPath("$[3].actor").value("head.samr"))
                .andExpect(jsonPath("$[3].reason").value("workload"))
                .andExpect(jsonPath("$[0].prevHash").value("0".repeat(64)));
        mvc.perform(get("/api/approval/cases/" + number + "/audit/verify").with(reviewer("SAMR", "li.samr")))
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.entries").value(6))
                .andExpect(jsonPath("$.firstBrokenSeq").doesNotExist());
        mvc.perform(get("/api/approval/cases/" + number + "/audit/verify").with(reviewer("PSB", "zhao.psb")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheTrailOrACase() throws Exception {
        String number = caseWithHistory();

        assertThatThrownBy(
                        () -> jdbc.sql("update audit_entry set reason = 'rewritten' where case_number = ? and seq = 2")
                                .param(number)
                                .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where case_number = ?")
                        .param(number)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from approval_case where number = ?")
                        .param(number)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot be deleted");
        assertThat(verify(number)).contains("\"intact\":true");
    }

    @Test
    void aTamperedRowIsTheFirstBrokenLink() throws Exception {
        String number = caseWithHistory();

        // the table owner switches the trigger off and backdates the assignment's reason
        tamper("update audit_entry set reason = 'assigned at the applicant''s request' where case_number = '" + number
                + "' and seq = 4");

        mvc.perform(get("/api/approval/cases/" + number + "/audit/verify").with(head("SAMR", "head.samr")))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBrokenSeq").value(4))
                .andExpect(jsonPath("$.problem").value("HASH_MISMATCH"));
    }

    @Test
    void aDeletedRowIsFoundMissing() throws Exception {
        String number = caseWithHistory();

        tamper("delete from audit_entry where case_number = '" + number + "' and seq = 5");

        mvc.perform(get("/api/approval/cases/" + number + "/audit/verify").with(head("SAMR", "head.samr")))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBrokenSeq").value(5))
                .andExpect(jsonPath("$.problem").value("MISSING_ENTRY"));
    }

    @Test
    void aRowWithAForgedHashIsFound() throws Exception {
        String number = caseWithHistory();
        var entry = jdbc.sql("select * from audit_entry where case_number = ? and seq = 2")
                .param(number)
                .query((rs, n) -> new String[] {rs.getString("hash")})
                .single();
        assertThat(entry[0]).hasSize(64);

        // an edited entry with a made-up hash (recomputing a matching one would break the next entry's link)
        tamper("update audit_entry set actor = 'someone.else', hash = repeat('a', 64) where case_number = '" + number
                + "' and seq = 2");

        String result = verify(number);
        assertThat(result).contains("\"intact\":false");
        assertThat(result).contains("\"firstBrokenSeq\":2");
    }

    private void tamper(String sql) {
        jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only")
                .update();
        try {
            jdbc.sql(sql).update();
        } finally {
            jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only")
                    .update();
        }
    }
}
