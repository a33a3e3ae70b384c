package org.runonce.approval.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.runonce.approval.Tokens.head;
import static org.runonce.approval.Tokens.reviewer;
import static org.runonce.approval.Tokens.token;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.contracts.Topics;
import org.runonce.contracts.intake.Applicant;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Decisions at the window (授权到位): a department head authorizes a named window clerk for an IMMEDIATE item; the
 * clerk decides a case that intake's acceptance opened (sent on intake's topic) in one step with the certificate issued
 * at once; without (or after revoking) the delegation, or for another kind of item, the clerk is refused; grants, uses
 * and revocations are audited. Nothing the clerk's body says about the application is taken: a number intake did not
 * accept is not decided (and no case is opened for it), and the applicant, item, materials and times are the case's.
 */
class WindowDecisionIT extends RunningApproval {

    @BeforeEach
    void today() {
        clock.setDay("2026-09-22");
    }

    /** Intake accepts a one-case application of {@code item} (SAMR) at the window; its case once approval opened it. */
    String accepted(String item) {
        String app = Fixtures.newApplicationNumber();
        var data = new ApplicationAccepted(
                app,
                null,
                new Applicant("s-1", "张个体", Applicant.NATURAL_PERSON, "330102198001011111", "zh-CN", null, null),
                "WINDOW",
                "330000",
                null,
                clock.instant(),
                1,
                LocalDate.parse("2026-09-23"),
                false,
                null,
                List.of(),
                Map.of("companyName", "西湖区张记面馆", "businessScope", "餐饮服务"),
                List.of(Fixtures.caseOf(app + "-01", item, "SAMR", List.of(), List.of(Fixtures.document("ID_CARD")))));
        Fixtures.send(
                LocalInfrastructure.kafka().bootstrapServers(),
                Topics.INTAKE,
                List.of(Fixtures.intakeEvent(ApplicationAccepted.TYPE, app, data)));
        await().atMost(Duration.ofSeconds(60)).until(() -> exists(app + "-01"));
        return app + "-01";
    }

    boolean exists(String caseNumber) {
        return jdbc.sql("select count(*) from approval_case where number = ?")
                        .param(caseNumber)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    ResultActions decide(String clerk, String caseNumber) throws Exception {
        return decide(clerk, caseNumber, "");
    }

    /** A window decision; {@code extra} adds members to the body (what a client might claim about the case). */
    ResultActions decide(String clerk, String caseNumber, String extra) throws Exception {
        return mvc.perform(post("/api/approval/window-decisions")
                .with(token(clerk, null, "window-clerk"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"caseNumber": "%s", %s
                         "outcome": "APPROVED",
                         "certificate": {"content": {"businessScope": "餐饮服务；小吃店"}}}""".formatted(caseNumber, extra)));
    }

    String delegate(String clerk, String item) throws Exception {
        String delegation = grant("""
                        {"clerk": "%s", "itemCode": "%s", "reason": "个体户登记即来即办，授权窗口当场办结"}""".formatted(clerk, item))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(delegation).get("id").asString();
    }

    ResultActions grant(String body) throws Exception {
        return mvc.perform(post("/api/approval/delegations")
                .with(head("SAMR", "head.samr"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void anAuthorizedClerkOpensAndDecidesInOneStepUntilRevoked() throws Exception {
        String clerk = "clerk-" + System.nanoTime();
        String individual = accepted(Fixtures.INDIVIDUAL);

        decide(clerk, individual)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/no-window-delegation"));
        grant("{\"clerk\": \"%s\", \"itemCode\": \"%s\", \"reason\": \"x\"}".formatted(clerk, Fixtures.FOOD))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/not-immediate"));
        mvc.perform(post("/api/approval/delegations")
                        .with(reviewer("SAMR", "li.samr"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clerk\": \"%s\", \"reason\": \"x\"}".formatted(clerk)))
                .andExpect(status().isForbidden());

        String delegation = grant("""
                        {"clerk": "%s", "itemCode": "%s", "reason": "个体户登记即来即办，授权窗口当场办结"}""".formatted(clerk, Fixtures.INDIVIDUAL))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.departmentCode").value("SAMR"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = json.readTree(delegation).get("id").asLong();

        String decided = decide(clerk, individual)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.decidedCase.number").value(individual))
                .andExpect(jsonPath("$.decidedCase.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedCase.departmentCode").value("SAMR"))
                .andExpect(jsonPath("$.decidedCase.decision.atWindow").value(true))
                .andExpect(jsonPath("$.decidedCase.decision.delegationId").value(id))
                .andExpect(jsonPath("$.decidedCase.decision.decidedBy").value(clerk))
                .andExpect(jsonPath("$.certificate.number", startsWith("BUSINESS_LICENCE-")))
                .andExpect(jsonPath("$.certificate.holder.name").value("西湖区张记面馆"))
                .andExpect(jsonPath("$.certificate.holder.idNumber").value("330102198001011111"))
                .andExpect(jsonPath("$.certificate.content.businessScope").value("餐饮服务；小吃店"))
                .andExpect(jsonPath("$.certificate.jws").isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String caseNumber =
                json.readTree(decided).get("decidedCase").get("number").asString();
        mvc.perform(get("/api/approval/cases/" + caseNumber + "/audit").with(head("SAMR", "head.samr")))
                .andExpect(jsonPath("$[*].action", contains("OPENED", "DECIDED", "CERTIFICATE_ISSUED")))
                .andExpect(jsonPath("$[0].actor").value("system"))
                .andExpect(jsonPath("$[1].actor").value(clerk))
                .andExpect(jsonPath("$[1].reason", startsWith("授权到位")));
        // the applicant leaves with the licence: the deciding clerk prints it (audited), another clerk gets 404
        String licence = json.readTree(decided).get("certificate").get("number").asString();
        mvc.perform(get("/api/approval/certificates/" + licence + "/document").with(token(clerk, null, "window-clerk")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get("/api/approval/certificates/" + licence + "/document")
                        .with(token("clerk-" + System.nanoTime(), null, "window-clerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/approval/cases/" + caseNumber + "/audit").with(head("SAMR", "head.samr")))
                .andExpect(jsonPath(
                        "$[*].action", contains("OPENED", "DECIDED", "CERTIFICATE_ISSUED", "CERTIFICATE_VIEWED")))
                .andExpect(jsonPath("$[3].actor").value(clerk))
                .andExpect(jsonPath("$[3].payload", containsString(licence)));
        // decided once: the same case again is an illegal transition
        decide(clerk, individual).andExpect(status().isConflict());
        // another department's clerk delegation does not help, nor does an item of another mode
        decide(clerk, accepted(Fixtures.FOOD))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/not-immediate"));

        mvc.perform(post("/api/approval/delegations/" + id + "/revoke")
                        .with(head("SAMR", "head.samr"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"岗位调整\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedBy").value("head.samr"));
        decide(clerk, accepted(Fixtures.INDIVIDUAL)).andExpect(status().isForbidden());
        // the print follows the decision, not the delegation: the clerk still reprints the licence for the applicant
        mvc.perform(get("/api/approval/certificates/" + licence + "/document").with(token(clerk, null, "window-clerk")))
                .andExpect(status().isOk());

        mvc.perform(get("/api/approval/delegations/audit").with(head("SAMR", "head.samr")))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                        "$[?(@.payload =~ /.*" + clerk + ".*/)].action",
                        contains("DELEGATION_GRANTED", "DELEGATION_USED", "DELEGATION_REVOKED")));
        mvc.perform(get("/api/approval/delegations/audit/verify").with(head("SAMR", "head.samr")))
                .andExpect(jsonPath("$.intact").value(true));
        // held against a checkpoint whose head this trail does not have (as a department system would hold it)
        mvc.perform(get("/api/approval/delegations/audit/verify")
                        .param("checkpointEntries", "1")
                        .param("checkpointHash", "f".repeat(64))
                        .with(head("SAMR", "head.samr")))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.problem").value("CHECKPOINT_MISMATCH"));
        mvc.perform(get("/api/approval/delegations").with(head("PSB", "head.psb")))
                .andExpect(jsonPath("$[?(@.clerk == '" + clerk + "')]").isEmpty());
    }

    /** Issue 16 item 3: before, the clerk's body opened a case for any number, applicant and acceptance time. */
    @Test
    void aNumberIntakeDidNotAcceptIsNotDecidedAndNoCaseIsOpenedForIt() throws Exception {
        String clerk = "clerk-" + System.nanoTime();
        delegate(clerk, Fixtures.INDIVIDUAL);
        String invented = Fixtures.newApplicationNumber() + "-01";

        decide(clerk, invented, """
                        "applicationNumber": "%s", "itemCode": "%s", "itemVersion": 1,
                         "applicant": {"subject": "s-9", "name": "冒名者", "type": "NATURAL_PERSON",
                                       "idNumber": "110101199003077777"},
                         "acceptedAt": "2026-01-05T01:00:00Z",""".formatted(invented.substring(0, invented.length() - 3), Fixtures.INDIVIDUAL))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
        assertThat(exists(invented)).isFalse();
        assertThat(auditActions(invented)).isEmpty();
        assertThat(jdbc.sql("select count(*) from certificate where case_number = ?")
                        .param(invented)
                        .query(Integer.class)
                        .single())
                .isZero();
        // not a case number at all (the delegation trail's key among them): refused before anything is looked up
        decide(clerk, "DELEGATIONS-SAMR").andExpect(status().isBadRequest());
    }

    @Test
    void theApplicantItemAndTimesAreTheCasesWhateverTheClerkSends() throws Exception {
        String clerk = "clerk-" + System.nanoTime();
        delegate(clerk, Fixtures.INDIVIDUAL);
        String number = accepted(Fixtures.INDIVIDUAL);

        String decided = decide(clerk, number, """
                        "applicationNumber": "330000-2026-000000009", "itemCode": "%s", "itemVersion": 7,
                         "region": "110000",
                         "applicant": {"subject": "s-9", "name": "冒名者", "type": "NATURAL_PERSON",
                                       "idNumber": "110101199003077777"},
                         "acceptedAt": "2026-01-05T01:00:00Z",
                         "materials": [{"code": "FORGED", "documentId": "doc-x"}],""".formatted(Fixtures.FOOD))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var result = json.readTree(decided);
        var c = result.get("decidedCase");
        assertThat(c.get("applicationNumber").asString()).isEqualTo(number.substring(0, number.length() - 3));
        assertThat(c.get("itemCode").asString()).isEqualTo(Fixtures.INDIVIDUAL);
        assertThat(c.get("applicant").get("name").asString()).isEqualTo("张个体");
        assertThat(c.get("clock").get("startedOn").asString()).isEqualTo("2026-09-22");
        assertThat(c.get("materials").findValuesAsString("code")).containsExactly("ID_CARD");
        assertThat(result.get("certificate").get("holder").get("idNumber").asString())
                .isEqualTo("330102198001011111");
        assertThat(decided).doesNotContain("冒名者").doesNotContain("110101199003077777");
    }
}
