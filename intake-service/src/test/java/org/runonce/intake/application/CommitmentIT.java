package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.intake.IntakeIT;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Commitment approval (告知承诺制) at submission: the food business licence is marked in the demo catalog, so the
 * applicant's signed commitment replaces premises layout, food safety rules and food safety manager; an item not
 * marked refuses a commitment with nothing stored.
 */
class CommitmentIT extends IntakeIT {

    static final String APPLICATIONS = "/api/intake/applications";
    static final String STATEMENT = "本人（本单位）承诺：经营场所布局、食品安全管理制度和食品安全管理人员符合食品经营许可条件，所填信息真实；如承诺不实，愿接受撤销许可并承担相应法律责任。";

    @Test
    void acceptedOnTheCommitmentWithoutTheListedMaterials() throws Exception {
        clock().set("2026-09-30T10:00");
        Map<String, Object> self = company("杭州承诺美食有限公司");
        RequestPostProcessor me = applicant(newSubject(), self);
        Map<String, Object> body =
                new LinkedHashMap<>(foodLicence(self, documents(me, "FOOD_BUSINESS_APPLICATION", "BUSINESS_LICENCE")));

        // without the commitment the three materials are missing: one notice
        JsonNode incomplete = submit(me, body, 201);
        assertThat(incomplete.get("status").asString()).isNotEqualTo("ACCEPTED");

        body.put("commitment", Map.of("accepted", true, "statement", STATEMENT));
        JsonNode accepted = submit(me, body, 201);

        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("acceptance").get("withDeficiencies").asBoolean())
                .isFalse();
        assertThat(outcomes(accepted))
                .containsEntry("FOOD_BUSINESS_APPLICATION", "PROVIDED")
                .containsEntry("BUSINESS_LICENCE", "PROVIDED")
                .containsEntry("PREMISES_LAYOUT", "COMMITTED")
                .containsEntry("FOOD_SAFETY_RULES", "COMMITTED")
                .containsEntry("FOOD_SAFETY_MANAGER", "COMMITTED");
        JsonNode commitment = accepted.get("commitment");
        assertThat(commitment.get("statement").asString()).isEqualTo(STATEMENT);
        assertThat(commitment.get("signedBy").asString()).isEqualTo("杭州承诺美食有限公司");
        assertThat(commitment.get("signedAt").asString()).startsWith("2026-09-30T02:00");
        assertThat(commitment.get("takenBy").isNull()).isTrue();

        String number = accepted.get("number").asString();
        String event = awaitEvents(number, ApplicationAccepted.TYPE).stream()
                .filter(b -> json.readTree(b).get("type").asString().equals(ApplicationAccepted.TYPE))
                .findFirst()
                .orElseThrow();
        JsonNode data = json.readTree(event).get("data");
        assertThat(data.get("commitment").get("statement").asString()).isEqualTo(STATEMENT);
        JsonNode theCase = data.get("cases").get(0);
        assertThat(StreamSupport.stream(theCase.get("committedMaterials").spliterator(), false)
                        .map(JsonNode::asString))
                .containsExactly("PREMISES_LAYOUT", "FOOD_SAFETY_RULES", "FOOD_SAFETY_MANAGER");
        assertThat(StreamSupport.stream(theCase.get("materials").spliterator(), false)
                        .map(m -> m.get("code").asString()))
                .containsExactlyInAnyOrder("FOOD_BUSINESS_APPLICATION", "BUSINESS_LICENCE");
    }

    @Test
    void aCommitmentNotAcceptedIsInvalidAndNothingIsStored() throws Exception {
        Map<String, Object> self = company("杭州未签美食有限公司");
        RequestPostProcessor me = applicant(newSubject(), self);
        Map<String, Object> body =
                new LinkedHashMap<>(foodLicence(self, documents(me, "FOOD_BUSINESS_APPLICATION", "BUSINESS_LICENCE")));
        body.put("commitment", Map.of("accepted", false));
        long before = applications();

        JsonNode problem = submit(me, body, 400);

        assertThat(problem.toString()).contains("COMMITMENT_NOT_ACCEPTED");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void anItemNotMarkedRefusesACommitment() throws Exception {
        Map<String, Object> self = person("钱承诺");
        RequestPostProcessor me = applicant(newSubject(), self);
        long before = applications();

        JsonNode problem = submit(
                me,
                Map.of("itemCode", "psb-seal-engraving", "applicant", self, "commitment", Map.of("accepted", true)),
                422);

        assertThat(problem.get("type").asString()).endsWith("/commitment-not-offered");
        assertThat(problem.get("itemCodes").get(0).asString()).isEqualTo("psb-seal-engraving");
        assertThat(applications()).isEqualTo(before);
    }

    private long applications() {
        return jdbc.sql("select count(*) from application").query(Long.class).single();
    }

    private static Map<String, Object> foodLicence(Map<String, Object> self, List<Map<String, Object>> materials) {
        return Map.of(
                "itemCode",
                "samr-food-business-licence",
                "applicant",
                self,
                "form",
                Map.of("businessPremises", "杭州市西湖区美食街8号", "foodCategories", "热食类食品制售"),
                "materials",
                materials);
    }

    private static Map<String, String> outcomes(JsonNode application) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        application
                .get("materials")
                .forEach(m ->
                        outcomes.put(m.get("code").asString(), m.get("outcome").asString()));
        return outcomes;
    }
}
