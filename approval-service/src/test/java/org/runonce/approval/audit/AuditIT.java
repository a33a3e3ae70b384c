package org.runonce.approval.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runonce.approval.Tokens.caller;
import static org.runonce.approval.Tokens.head;
import static org.runonce.approval.Tokens.reviewer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runonce.approval.ApprovalTopic;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.approval.cases.Deciding;
import org.runonce.approval.cases.Reviewing;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.approval.AuditCheckpoint;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail on real PostgreSQL: appended for every state change, assignment and view; the database refuses to
 * change or delete it, and the service's own role (not the owner) cannot switch that off; if the owner (a database
 * administrator) does and edits, re-chains or cuts the trail anyway, verification names the first broken link or the
 * missing tail, held against the checkpoint published on Kafka.
 */
class AuditIT extends RunningApproval {

    @Autowired
    Reviewing reviewing;

    @Autowired
    Deciding deciding;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    DataSourceProperties owner;

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

        // the service's role holds no such grant
        assertThatThrownBy(
                        () -> jdbc.sql("update audit_entry set reason = 'rewritten' where case_number = ? and seq = 2")
                                .param(number)
                                .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from approval_case where number = ?")
                        .param(number)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        // and the owner meets the triggers unless it switches them off
        try (Connection c = DriverManager.getConnection(owner.getUrl(), owner.getUsername(), owner.getPassword());
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute(
                            "update audit_entry set reason = 'rewritten' where case_number = '" + number + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.execute("delete from audit_entry where case_number = '" + number + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.execute("delete from approval_case where number = '" + number + "'"))
                    .hasMessageContaining("cannot be deleted");
        }
        assertThat(verify(number)).contains("\"intact\":true");
    }

    /** Issue 16 item 6: before, the service's role owned the tables and AuditIT used exactly this to tamper. */
    @Test
    void theServicesOwnRoleCannotSwitchTheGuardsOffNorChangeDecidedRecords() throws Exception {
        String number = caseWithHistory();

        assertThat(jdbc.sql("select current_user").query(String.class).single())
                .isEqualTo("approval_app")
                .isNotEqualTo(owner.getUsername());
        assertThatThrownBy(() -> jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.sql("alter table approval_case disable trigger user")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_checkpoint").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");

        // a decided case is final, a revoked certificate stays revoked: for the service's role as for the owner
        var zhou = caller("zhou.samr", "SAMR", "reviewer");
        var decided = deciding.approve(number, "符合条件", null, null, zhou);
        String certificate = decided.decision().certificateNumber();
        assertThatThrownBy(() -> jdbc.sql("update approval_case set decided_by = 'someone.else' where number = ?")
                        .param(number)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("update certificate set content = '{}' where number = ?")
                        .param(certificate)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("only change by being revoked");
        mvc.perform(post("/api/approval/certificates/" + certificate + "/revoke")
                        .with(head("SAMR", "head.samr"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"以欺骗手段取得许可\"}"))
                .andExpect(status().isOk());
        assertThatThrownBy(() -> jdbc.sql("update certificate set revoked_at = null where number = ?")
                        .param(certificate)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("cannot be changed or taken back");
        assertThat(verify(number)).contains("\"intact\":true");
    }

    @Test
    void anEditedEntryReChainedWithoutTheKeyIsFound() throws Exception {
        String number = caseWithHistory();

        // the administrator edits the assignment's reason and recomputes every hash from there on
        tamper("update audit_entry set reason = 'assigned at the applicant''s request' where case_number = '" + number
                + "' and seq = 4");
        rechainWithoutKey(number, 4);

        mvc.perform(get("/api/approval/cases/" + number + "/audit/verify").with(head("SAMR", "head.samr")))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBrokenSeq").value(4))
                .andExpect(jsonPath("$.problem").value("HASH_MISMATCH"));
    }

    @Test
    void aCutTailIsFoundAgainstTheCheckpointPublishedOnKafkaEvenWhenApprovalsCopyIsGone() throws Exception {
        String number = caseWithHistory();
        assertThat(checkpoints.checkpoint())
                .anySatisfy(c -> assertThat(c.trail()).isEqualTo(number));

        // what a department system kept: the checkpoint event from approval's topic
        JsonNode published;
        try (var topic = new ApprovalTopic(LocalInfrastructure.kafka().bootstrapServers())) {
            published = topic.awaitRecords(
                            r -> r.subject().equals(number) && r.type().equals(AuditCheckpoint.TYPE),
                            seen -> !seen.isEmpty(),
                            Duration.ofSeconds(60))
                    .getFirst()
                    .event();
        }
        assertThat(EventSchemas.violationsOfItsType(published.toString())).isEmpty();
        assertThat(published.get("department").asString()).isEqualTo("SAMR");
        int entries = published.get("data").get("entries").asInt();
        String head = published.get("data").get("headHash").asString();
        assertThat(entries).isEqualTo(6);
        assertThat(verify(number)).contains("\"intact\":true");

        // the administrator deletes the last two entries: the chain that is left links up
        tamper("delete from audit_entry where case_number = '" + number + "' and seq >= 5");
        mvc.perform(get("/api/approval/cases/" + number + "/audit/verify").with(head("SAMR", "head.samr")))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBrokenSeq").value(5))
                .andExpect(jsonPath("$.problem").value("TRUNCATED"));

        // and approval's own copy of the checkpoint too: the one the department system kept still finds it
        tamper("delete from audit_checkpoint where trail = '" + number + "'");
        mvc.perform(get("/api/approval/cases/" + number + "/audit/verify")
                        .param("checkpointEntries", Integer.toString(entries))
                        .param("checkpointHash", head)
                        .with(head("SAMR", "head.samr")))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.problem").value("TRUNCATED"));
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

    /** What a database administrator does: as the tables' owner, switch the guard off, change rows, switch it on. */
    private void tamper(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(owner.getUrl(), owner.getUsername(), owner.getPassword());
                Statement st = c.createStatement()) {
            st.execute("alter table audit_entry disable trigger audit_entry_append_only");
            st.execute("alter table audit_checkpoint disable trigger audit_checkpoint_append_only");
            try {
                for (String sql : statements) {
                    st.execute(sql);
                }
            } finally {
                st.execute("alter table audit_entry enable trigger audit_entry_append_only");
                st.execute("alter table audit_checkpoint enable trigger audit_checkpoint_append_only");
            }
        }
    }

    /**
     * Re-chains the trail from entry {@code from} on with plain SHA-256 (all an administrator without the chain key
     * can compute), as the unkeyed chain before issue 16 accepted.
     */
    private void rechainWithoutKey(String number, int from) throws Exception {
        var entries = jdbc.sql("""
                        select case_number, seq, actor, action, reason, at, payload, prev_hash, hash
                        from audit_entry where case_number = ? order by seq""")
                .param(number)
                .query((rs, n) -> new AuditEntry(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
        String prev = entries.get(from - 2).hash();
        var updates = new java.util.ArrayList<String>();
        for (var e : entries.subList(from - 1, entries.size())) {
            var canonical = new StringBuilder();
            for (String field : new String[] {
                e.caseNumber(),
                Integer.toString(e.seq()),
                e.actor(),
                e.action(),
                e.reason() == null ? "\u0000" : e.reason(),
                java.time.format.DateTimeFormatter.ISO_INSTANT.format(e.at()),
                e.payload(),
                prev
            }) {
                canonical.append(field.length()).append(':').append(field).append(';');
            }
            String hash = java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            updates.add("update audit_entry set prev_hash = '%s', hash = '%s' where case_number = '%s' and seq = %d"
                    .formatted(prev, hash, number, e.seq()));
            prev = hash;
        }
        tamper(updates.toArray(String[]::new));
    }
}
