package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.runonce.approval.Tokens.reviewer;
import static org.runonce.approval.Tokens.system;
import static org.runonce.approval.Tokens.systemAccount;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.runonce.approval.RunningApproval;
import org.springframework.http.MediaType;

/**
 * A department system (client credentials, the department claim) works its department's cases through the reviewers'
 * API, each action in the audit trail under its service account; another department's system neither sees nor
 * touches them, and a refused action changes nothing.
 */
class DepartmentSystemIT extends RunningApproval {

    static final String SAMR = systemAccount("SAMR");

    @Test
    void theDepartmentsSystemClaimsSuspendsAsksForASupplementAdvancesAndApprovesWithItsOwnCertificate()
            throws Exception {
        String number = foodLicenceAcceptedOn("2026-09-22");
        mvc.perform(get("/api/approval/cases").param("assignee", "none").with(system("SAMR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].number", hasItem(number)));

        act(number, "claim", system("SAMR"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value(SAMR));
        act(number, "start-review", system("SAMR"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
        act(number, "suspensions", system("SAMR"), """
                        {"procedure": "SITE_INSPECTION", "expectedWorkingDays": 2, "reason": "现场核查经营场所"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"));
        clock.setDay("2026-09-24");
        act(number, "resume", system("SAMR"), "{\"note\": \"核查完成\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
        act(number, "supplement-requests", system("SAMR"), """
                        {"materials": [{"code": "FOOD_SAFETY_PLAN", "description": "缺少签章页"}],
                         "reason": "材料不完整"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUPPLEMENT_REQUESTED"))
                .andExpect(jsonPath("$.supplements[0].requestedBy").value(SAMR));
        act(number, "resume", system("SAMR"), null).andExpect(status().isOk());
        act(number, "advance", system("SAMR"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.step").value("DECIDE"));

        // assigning is a department head's: the system is refused, and nothing changes
        int before = auditActions(number).size();
        act(number, "assign", system("SAMR"), "{\"assignee\": \"li.samr\"}").andExpect(status().isForbidden());
        assertThat(auditActions(number)).hasSize(before);

        String approved = act(number, "approve", system("SAMR"), """
                        {"reason": "符合条件", "certificate": {"content": {"permitNumber": "JY13301060000001"},
                                                              "validUntil": "2031-09-23"}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decision.decidedBy").value(SAMR))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String certificate = json.readTree(approved)
                .path("decision")
                .path("certificateNumber")
                .asString();
        mvc.perform(get(CASES + number + "/certificates/" + certificate).with(system("SAMR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.permitNumber").value("JY13301060000001"))
                .andExpect(jsonPath("$.validUntil").value("2031-09-23"));

        // every action in the trail is the system's, under its service account
        List<String> actions = auditActions(number);
        List<String> actors = auditActors(number);
        assertThat(actions)
                .containsSubsequence(
                        "CLAIMED",
                        "REVIEW_STARTED",
                        "SUSPENDED",
                        "RESUMED",
                        "SUPPLEMENT_REQUESTED",
                        "RESUMED",
                        "STEP_ADVANCED",
                        "DECIDED");
        for (int i = 0; i < actions.size(); i++) {
            if (!actions.get(i).equals("OPENED")) {
                assertThat(actors.get(i)).as(actions.get(i)).isEqualTo(SAMR);
            }
        }
        mvc.perform(get(CASES + number + "/audit/verify").with(system("SAMR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void anotherDepartmentsSystemNeitherSeesNorTouchesTheCase() throws Exception {
        String number = foodLicenceAcceptedOn("2026-09-22");
        int before = auditActions(number).size();

        for (String path : List.of("", "/file", "/audit", "/materials/FOOD_SAFETY_PLAN")) {
            mvc.perform(get(CASES + number + path).with(system("TAX")))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
        }
        for (String action : List.of("claim", "start-review", "advance", "resume", "release")) {
            act(number, action, system("TAX"), null).andExpect(status().isNotFound());
        }
        act(number, "supplement-requests", system("TAX"), """
                        {"materials": [{"description": "x"}], "reason": "x"}""").andExpect(status().isNotFound());
        act(number, "suspensions", system("TAX"), """
                        {"procedure": "SITE_INSPECTION", "expectedWorkingDays": 1, "reason": "x"}""").andExpect(status().isNotFound());
        act(number, "approve", system("TAX"), null).andExpect(status().isNotFound());
        act(number, "reject", system("TAX"), "{\"reason\": \"x\", \"legalBasis\": \"x\"}")
                .andExpect(status().isNotFound());

        // its queue does not list the case, and it cannot ask for SAMR's
        mvc.perform(get("/api/approval/cases").param("open", "false").with(system("TAX")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].number", not(hasItem(number))));
        mvc.perform(get("/api/approval/cases").param("department", "SAMR").with(system("TAX")))
                .andExpect(status().isForbidden());

        // nothing changed: still pending, unassigned, not one audit entry more
        mvc.perform(get(CASES + number).with(reviewer("SAMR", "li.samr")))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.assignee").isEmpty());
        assertThat(auditActions(number)).hasSize(before);
    }

    @Test
    void theSystemRejectsWithReasonAndLegalBasisAndBadInputIsAProblemThatChangesNothing() throws Exception {
        String number = foodLicenceAcceptedOn("2026-09-22");
        act(number, "start-review", system("SAMR"), null).andExpect(status().isOk());
        act(number, "advance", system("SAMR"), null).andExpect(status().isOk());
        int before = auditActions(number).size();

        act(number, "reject", system("SAMR"), "{\"reason\": \"经营场所不符合要求\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation-failed"));
        act(number, "suspensions", system("SAMR"), """
                        {"procedure": "HEARING", "expectedWorkingDays": 0, "reason": ""}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation-failed"));
        assertThat(auditActions(number)).hasSize(before);

        act(number, "reject", system("SAMR"), """
                        {"reason": "经营场所不符合要求", "legalBasis": "《食品经营许可管理办法》第十一条"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decision.decidedBy").value(SAMR));
    }
}
