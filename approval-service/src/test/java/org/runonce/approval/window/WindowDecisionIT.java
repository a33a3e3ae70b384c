package org.runonce.approval.window;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.runonce.approval.Tokens.head;
import static org.runonce.approval.Tokens.reviewer;
import static org.runonce.approval.Tokens.token;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Decisions at the window (授权到位): a department head authorizes a named window clerk for an IMMEDIATE item; the
 * clerk opens and decides the case in one step with the certificate issued at once; without (or after revoking) the
 * delegation, or for another kind of item, the clerk is refused; grants, uses and revocations are audited.
 */
class WindowDecisionIT extends RunningApproval {

    @BeforeEach
    void today() {
        clock.setDay("2026-09-22");
    }

    ResultActions decide(String clerk, String item) throws Exception {
        String app = Fixtures.newApplicationNumber();
        return mvc.perform(post("/api/approval/window-decisions")
                .with(token(clerk, null, "window-clerk"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"applicationNumber": "%s", "caseNumber": "%s-01", "itemCode": "%s", "itemVersion": 1,
                         "applicant": {"subject": "s-1", "name": "张个体", "type": "NATURAL_PERSON",
                                       "idNumber": "330102198001011111"},
                         "materials": [{"code": "ID_CARD", "documentId": "doc-1"}],
                         "outcome": "APPROVED",
                         "certificate": {"holderName": "西湖区张记面馆", "content": {"businessScope": "餐饮服务"}}}""".formatted(app, app, item)));
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

        decide(clerk, Fixtures.INDIVIDUAL)
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

        String decided = decide(clerk, Fixtures.INDIVIDUAL)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.decidedCase.status").value("APPROVED"))
                .andExpect(jsonPath("$.decidedCase.departmentCode").value("SAMR"))
                .andExpect(jsonPath("$.decidedCase.decision.atWindow").value(true))
                .andExpect(jsonPath("$.decidedCase.decision.delegationId").value(id))
                .andExpect(jsonPath("$.decidedCase.decision.decidedBy").value(clerk))
                .andExpect(jsonPath("$.certificate.number", startsWith("BUSINESS_LICENCE-")))
                .andExpect(jsonPath("$.certificate.holder.name").value("西湖区张记面馆"))
                .andExpect(jsonPath("$.certificate.jws").isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String caseNumber =
                json.readTree(decided).get("decidedCase").get("number").asString();
        mvc.perform(get("/api/approval/cases/" + caseNumber + "/audit").with(head("SAMR", "head.samr")))
                .andExpect(jsonPath("$[*].action", contains("OPENED", "DECIDED", "CERTIFICATE_ISSUED")))
                .andExpect(jsonPath("$[1].actor").value(clerk))
                .andExpect(jsonPath("$[1].reason", startsWith("授权到位")));
        // another department's clerk delegation does not help, nor does an item of another mode
        decide(clerk, Fixtures.FOOD)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/not-immediate"));

        mvc.perform(post("/api/approval/delegations/" + id + "/revoke")
                        .with(head("SAMR", "head.samr"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"岗位调整\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedBy").value("head.samr"));
        decide(clerk, Fixtures.INDIVIDUAL).andExpect(status().isForbidden());

        mvc.perform(get("/api/approval/delegations/audit").with(head("SAMR", "head.samr")))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                        "$[?(@.payload =~ /.*" + clerk + ".*/)].action",
                        contains("DELEGATION_GRANTED", "DELEGATION_USED", "DELEGATION_REVOKED")));
        mvc.perform(get("/api/approval/delegations/audit/verify").with(head("SAMR", "head.samr")))
                .andExpect(jsonPath("$.intact").value(true));
        mvc.perform(get("/api/approval/delegations").with(head("PSB", "head.psb")))
                .andExpect(jsonPath("$[?(@.clerk == '" + clerk + "')]").isEmpty());
    }
}
