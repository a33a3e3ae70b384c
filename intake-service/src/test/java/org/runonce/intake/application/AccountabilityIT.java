package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.intake.ApplicationCompleted;
import org.runonce.contracts.intake.ApplicationRatingFollowedUp;
import org.runonce.contracts.intake.ApplicationWithdrawn;
import org.runonce.intake.IntakeIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * What makes the reform enforceable at intake (issue 18): the service is rated online, at the window or by the signed
 * link sent by SMS, also when the application was withdrawn; a bad rating is followed up by each department rated,
 * which the applicant sees; a clerk withdraws only with the applicant's signature or a reason recorded as unconfirmed.
 */
class AccountabilityIT extends IntakeIT {

    @Autowired
    FollowingApprovals approvals;

    @Test
    void aBadRatingByTheSmsLinkIsFollowedUpByEachDepartmentRatedAndTheApplicantSeesIt() throws Exception {
        // the eve of National Day: the follow-up's five working days skip the holiday and count the make-up Saturday
        clock().set("2026-09-30T10:00");
        RequestPostProcessor me = applicant(newSubject(), person("张三"));
        String number = acceptedCompanyStartup(me, me);
        List<String> cases = new ArrayList<>();
        getJson(me, "/api/intake/applications/" + number, 200)
                .get("cases")
                .forEach(c -> cases.add(c.get("caseNumber").asString()));
        for (String caseNumber : cases) {
            approvals.caseProgressed(new CaseUpdate(caseNumber, "APPROVED", null, clock.instant()));
        }
        String completed = awaitEvents(number, ApplicationCompleted.TYPE).stream()
                .filter(e -> e.contains("application.completed"))
                .findFirst()
                .orElseThrow();
        assertThat(EventSchemas.violations(EventSchemas.schemaOf(ApplicationCompleted.TYPE), completed))
                .isEmpty();
        JsonNode data = json.readTree(completed).get("data");
        assertThat(data.get("visits").asInt()).isZero();
        String link = data.get("ratingPath").asString();
        assertThat(link).startsWith("/api/intake/public/ratings/");

        // the link shows nothing personal; a forged one shows nothing at all
        JsonNode shown = getJson(anonymous(), link, 200);
        assertThat(shown.get("applicationNumber").asString()).isEqualTo(number);
        assertThat(shown.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(shown.toString()).doesNotContain("idNumber").doesNotContain("张三");
        getJson(anonymous(), link.substring(0, link.length() - 3) + "AAA", 404);
        postJson(anonymous(), link, Map.of("rating", 9), 400);

        JsonNode rated = postJson(anonymous(), link, Map.of("rating", 2, "comment", "材料反复退回"), 200);
        assertThat(rated.get("rating").asInt()).isEqualTo(2);
        postJson(anonymous(), link, Map.of("rating", 5), 409);
        JsonNode evaluation =
                getJson(me, "/api/intake/applications/" + number, 200).get("evaluation");
        assertThat(evaluation.get("channel").asString()).isEqualTo("SMS_LINK");
        assertThat(evaluation.get("followUpDue").asString()).isEqualTo("2026-10-13"); // 10-08, 09, 10 (Sat), 12, 13
        assertThat(evaluation.get("departments")).hasSize(5);

        // a department not rated learns nothing; a rated one follows up once; the applicant sees it
        String followUp = "/api/intake/applications/" + number + "/evaluation/follow-up";
        postJson(reviewer("r-health", "HEALTH"), followUp, Map.of("note", "不是我们"), 404);
        postJson(reviewer("r-samr", "SAMR"), followUp, Map.of("note", " "), 400);
        postJson(reviewer("r-samr", "SAMR"), followUp, Map.of("note", "已电话回访，说明退回原因"), 200);
        postJson(reviewer("r-samr-2", "SAMR"), followUp, Map.of("note", "again"), 409);
        JsonNode seen = getJson(me, "/api/intake/applications/" + number, 200).get("evaluation");
        assertThat(seen.get("followUps").findValuesAsString("department")).containsExactly("SAMR");
        assertThat(seen.get("followUpResolvedAt").isNull()).isTrue(); // four departments still to follow up
        String event = awaitEvents(number, ApplicationRatingFollowedUp.TYPE).stream()
                .filter(e -> e.contains("rating-followed-up"))
                .findFirst()
                .orElseThrow();
        assertThat(EventSchemas.violations(EventSchemas.schemaOf(ApplicationRatingFollowedUp.TYPE), event))
                .isEmpty();
        assertThat(json.readTree(event).get("data").get("department").asString())
                .isEqualTo("SAMR");

        // past the due date the open follow-up is escalated to the supervisors
        assertThat(getJson(supervisor(), "/api/intake/supervision/follow-ups?overdue=true", 200)
                        .findValuesAsString("number"))
                .doesNotContain(number);
        clock().set("2026-10-14T09:00");
        assertThat(getJson(supervisor(), "/api/intake/supervision/follow-ups?overdue=true", 200)
                        .findValuesAsString("number"))
                .contains(number);
    }

    @Test
    void aClerkWithdrawsWithTheApplicantsSignatureOrElseWithAReasonRecordedAsUnconfirmed() throws Exception {
        RequestPostProcessor me = applicant(newSubject(), person("张三"));
        RequestPostProcessor clerk = clerk("clerk-withdrawal");
        String signed = acceptedCompanyStartup(me, clerk);
        String unconfirmed = acceptedCompanyStartup(me, clerk);

        postJson(clerk, "/api/intake/applications/" + unconfirmed + "/withdrawal", Map.of(), 400);
        postJson(
                clerk,
                "/api/intake/applications/" + unconfirmed + "/withdrawal",
                Map.of("confirmation", "NODDED"),
                400);
        assertThat(getJson(me, "/api/intake/applications/" + unconfirmed, 200)
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");

        JsonNode withoutApplicant = postJson(
                clerk, "/api/intake/applications/" + unconfirmed + "/withdrawal", Map.of("reason", "申请人电话告知不再办理"), 200);
        assertThat(withoutApplicant
                        .get("withdrawal")
                        .get("confirmedByApplicant")
                        .asBoolean())
                .isFalse();
        JsonNode withSignature = postJson(
                clerk,
                "/api/intake/applications/" + signed + "/withdrawal",
                Map.of("confirmation", "SIGNED_AT_WINDOW"),
                200);
        assertThat(withSignature.get("withdrawal").get("confirmedByApplicant").asBoolean())
                .isTrue();
        assertThat(withSignature.get("withdrawal").get("confirmation").asString())
                .isEqualTo("SIGNED_AT_WINDOW");

        JsonNode event = json.readTree(awaitEvents(unconfirmed, ApplicationWithdrawn.TYPE).stream()
                        .filter(e -> e.contains("application.withdrawn"))
                        .findFirst()
                        .orElseThrow())
                .get("data");
        assertThat(event.get("confirmedByApplicant").asBoolean()).isFalse();
        assertThat(getJson(supervisor(), "/api/intake/supervision/withdrawals?confirmed=false", 200)
                        .findValuesAsString("number"))
                .contains(unconfirmed)
                .doesNotContain(signed);

        // the service is rated even though withdrawn, here recorded at the window
        JsonNode rated =
                postJson(clerk, "/api/intake/applications/" + unconfirmed + "/evaluation", Map.of("rating", 1), 200);
        assertThat(rated.get("evaluation").get("channel").asString()).isEqualTo("WINDOW");
    }
}
