package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runonce.localstack.LocalPlatform;
import tools.jackson.databind.JsonNode;

/**
 * A department's supplement request (补正, 一次性告知) answered end to end, through the gateway only, with the real
 * Keycloak: the SAMR reviewer asks for everything at once, the applicant is told by inbox and mail and sees the request
 * in the progress view, answers it online through intake, and the case resumes in approval with the new material and
 * the clock moved by exactly the working days it waited; a second request needs the department head's approval.
 * Another applicant cannot answer it, another department's reviewer cannot ask.
 */
@ExtendWith(SharedPlatform.class)
class DepartmentSupplementIT {

    static final Duration EVENTUALLY = Duration.ofSeconds(90);
    static final String REQUESTED = "ARTICLES_OF_ASSOCIATION";

    static Portal portal;

    @BeforeAll
    static void portal(LocalPlatform platform) {
        portal = new Portal(platform);
    }

    @Test
    void theApplicantAnswersTheDepartmentsRequestOnlineAndTheCaseResumes() {
        String applicant = portal.token("zhang.san");
        String email = Portal.uniqueMailAddress("zhang.san");
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("bundleCode", "company-startup");
        submission.put("applicant", Portal.person("张三", email, null));
        submission.put("form", Portal.companyStartupForm());
        submission.put("materials", portal.documents(applicant, null, Portal.COMPANY_STARTUP_MATERIALS));
        JsonNode accepted = portal.submitOnceTheCatalogArrived(applicant, submission);
        assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
        String number = accepted.path("number").asString();
        String caseNumber = number + "-01"; // the licence, SAMR's

        // 1. the SAMR reviewer takes the case and asks for a supplement listing everything at once
        String reviewer = portal.token(Portal.reviewerOf("SAMR"));
        awaitCase(reviewer, caseNumber, c -> c.path("status").asString().equals("PENDING"));
        portal.gateway
                .post(Portal.CASES + caseNumber + "/claim", reviewer, null)
                .json(200);
        portal.gateway
                .post(Portal.CASES + caseNumber + "/start-review", reviewer, null)
                .json(200);
        LocalDate dueBefore = LocalDate.parse(portal.caseOf(reviewer, caseNumber)
                .path("clock")
                .path("dueDate")
                .asString());
        Map<String, Object> request = Map.of(
                "materials",
                List.of(Map.of("code", REQUESTED, "description", "请补正全体股东签字的公司章程")),
                "reason",
                "公司章程未经全体股东签字");
        // another department's reviewer cannot ask on SAMR's case
        assertThat(portal.gateway
                        .post(
                                Portal.CASES + caseNumber + "/supplement-requests",
                                portal.token(Portal.reviewerOf("TAX")),
                                request)
                        .status())
                .isIn(403, 404);
        JsonNode waiting = portal.gateway
                .post(Portal.CASES + caseNumber + "/supplement-requests", reviewer, request)
                .json(200);
        assertThat(waiting.path("status").asString()).isEqualTo("SUPPLEMENT_REQUESTED");

        // 2. the applicant is told once (inbox and mail) and sees the request in the progress view
        portal.awaitNotice(applicant, email, number, "supplement-requested", 1);
        JsonNode asked = portal.awaitApplication(
                applicant,
                number,
                a -> a.path("cases").get(0).path("supplementRequests").size() == 1,
                EVENTUALLY);
        JsonNode samr = asked.path("cases").get(0);
        assertThat(samr.path("status").asString()).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(samr.path("step").asString()).isNotBlank();
        assertThat(samr.path("heldBy").asString()).isEqualTo(Portal.reviewerOf("SAMR"));
        assertThat(samr.path("dueDate").asString()).isEqualTo(dueBefore.toString());
        assertThat(samr.path("clockRunning").asBoolean()).isFalse();
        assertThat(samr.path("supplementRequests").get(0).path("materials").findValuesAsString("code"))
                .containsExactly(REQUESTED);

        // 3. nobody else answers it; the applicant answers it online, once
        String someoneElse = portal.token("li.si");
        assertThat(portal.gateway
                        .post(
                                Portal.APPLICATIONS + "/" + number + "/supplements",
                                someoneElse,
                                Map.of("materials", portal.documents(someoneElse, null, List.of(REQUESTED))),
                                Portal.idempotencyKey())
                        .status())
                .isEqualTo(404);
        List<Map<String, Object>> answer = portal.documents(applicant, null, List.of(REQUESTED));
        JsonNode answered = portal.supplement(applicant, number, answer);
        assertThat(answered.path("cases")
                        .get(0)
                        .path("supplementRequests")
                        .get(0)
                        .path("answeredAt")
                        .isNull())
                .isFalse();
        assertThat(portal.gateway
                        .post(
                                Portal.APPLICATIONS + "/" + number + "/supplements",
                                applicant,
                                Map.of("materials", answer),
                                Portal.idempotencyKey())
                        .status())
                .isEqualTo(409);

        // 4. the case resumes in approval with the new document, the due date moved by exactly the days it waited
        JsonNode resumed =
                awaitCase(reviewer, caseNumber, c -> c.path("status").asString().equals("IN_REVIEW"));
        JsonNode pause = resumed.path("pauses").get(0);
        assertThat(pause.path("kind").asString()).isEqualTo("SUPPLEMENT");
        int waited = pause.path("workingDays").asInt();
        assertThat(resumed.path("clock").path("suspendedWorkingDays").asInt()).isEqualTo(waited);
        LocalDate dueAfter =
                LocalDate.parse(resumed.path("clock").path("dueDate").asString());
        if (waited == 0) {
            assertThat(dueAfter).isEqualTo(dueBefore);
        } else {
            assertThat(dueAfter).isAfter(dueBefore);
        }
        assertThat(resumed.path("materials").toString())
                .contains(answer.getFirst().get("documentId").toString());
        JsonNode following = portal.awaitApplication(
                applicant,
                number,
                a -> a.path("cases").get(0).path("status").asString().equals("IN_REVIEW"),
                EVENTUALLY);
        assertThat(following.path("cases").get(0).path("clockRunning").asBoolean())
                .isTrue();

        // 5. a second request needs the head's approval with a reason, then reaches the applicant as a second notice
        assertThat(portal.gateway
                        .post(Portal.CASES + caseNumber + "/supplement-requests", reviewer, request)
                        .status())
                .isEqualTo(409);
        portal.gateway
                .post(
                        Portal.CASES + caseNumber + "/second-supplement-approval",
                        portal.token("head.samr"),
                        Map.of("reason", "章程签字页与股东名册不符，需再次补正"))
                .json(200);
        portal.gateway
                .post(Portal.CASES + caseNumber + "/supplement-requests", reviewer, request)
                .json(200);
        portal.awaitNotice(applicant, email, number, "supplement-requested", 2);
        portal.awaitApplication(
                applicant,
                number,
                a -> a.path("cases").get(0).path("supplementRequests").size() == 2,
                EVENTUALLY);
        portal.supplement(applicant, number, portal.documents(applicant, null, List.of(REQUESTED)));
        awaitCase(reviewer, caseNumber, c -> c.path("status").asString().equals("IN_REVIEW"));
    }

    private static JsonNode awaitCase(
            String token, String caseNumber, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] seen = {null};
        org.awaitility.Awaitility.await()
                .atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Http.Response response = portal.gateway.get(Portal.CASES + caseNumber, token);
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                    seen[0] = response.json(200);
                    assertThat(condition.test(seen[0]))
                            .as("%s: %s", caseNumber, seen[0])
                            .isTrue();
                });
        return seen[0];
    }
}
