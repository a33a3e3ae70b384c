package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.TestIds;
import org.runonce.intake.CertificateAuthority;
import org.runonce.intake.IntakeIT;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Real-name identity (实名认证): online the applicant is the account's verified identity from the token, a company only
 * one the token lists; at a window the clerk records how they checked the applicant's identity; an e-certificate is a
 * material only for its holder.
 */
class IdentityIT extends IntakeIT {

    static final String APPLICATIONS = "/api/intake/applications";

    @Test
    void onlineNobodyAppliesInAnotherPersonsNameAndAnUnverifiedAccountIsToldSo() throws Exception {
        String subject = newSubject();
        Map<String, Object> me = person("张三");
        RequestPostProcessor zhang = applicant(subject, me);

        Map<String, Object> someoneElse = new LinkedHashMap<>(me);
        someoneElse.put("idNumber", TestIds.residentId());
        JsonNode byNumber = submit(zhang, unemployment(someoneElse), 403);
        assertThat(byNumber.get("type").asString()).isEqualTo("https://runonce.org/problems/applicant-not-caller");
        assertThat(byNumber.get("field").asString()).isEqualTo("applicant.idNumber");

        Map<String, Object> otherName = new LinkedHashMap<>(me);
        otherName.put("name", "李四");
        JsonNode byName = submit(zhang, unemployment(otherName), 403);
        assertThat(byName.get("type").asString()).isEqualTo("https://runonce.org/problems/applicant-not-caller");
        assertThat(byName.get("field").asString()).isEqualTo("applicant.name");
        assertThat(storedFor(subject)).isZero();

        JsonNode unverified = submit(applicant(newSubject()), unemployment(me), 403);
        assertThat(unverified.get("type").asString()).isEqualTo("https://runonce.org/problems/identity-not-verified");
        assertThat(unverified.get("status").asInt()).isEqualTo(403);

        // the body need not repeat the identity: the token's is taken
        Map<String, Object> contactOnly =
                new LinkedHashMap<>(Map.of("type", "NATURAL_PERSON", "email", "z@example.cn"));
        JsonNode filed = submit(zhang, unemployment(contactOnly), 201);
        assertThat(filed.get("applicant").get("name").asString()).isEqualTo("张三");
        assertThat(filed.get("applicant").get("idNumber").asString()).isEqualTo(me.get("idNumber"));
        assertThat(filed.get("identityCheck").get("method").asString()).isEqualTo("VERIFIED_ACCOUNT");
        assertThat(storedFor(subject)).isOne();
    }

    @Test
    void aCompanyAppliesOnlineOnlyThroughAnAccountTheTokenAuthorizesForIt() throws Exception {
        String subject = newSubject();
        Map<String, Object> company = company("杭州授权科技有限公司");
        RequestPostProcessor representative = applicant(subject, company);

        Map<String, Object> unlisted = company("杭州未授权有限公司");
        JsonNode refused = submit(representative, foodLicence(representative, unlisted), 403);
        assertThat(refused.get("type").asString()).isEqualTo("https://runonce.org/problems/entity-not-authorized");
        assertThat(storedFor(subject)).isZero();

        // the entity's name comes from the token's authorization, the body names it by its credit code
        Map<String, Object> byCode = new LinkedHashMap<>(
                Map.of("type", "LEGAL_ENTITY", "idNumber", company.get("idNumber"), "locale", "zh-CN"));
        JsonNode filed = submit(representative, foodLicence(representative, byCode), 201);
        assertThat(filed.get("applicant").get("name").asString()).isEqualTo("杭州授权科技有限公司");
        assertThat(filed.get("identityCheck").get("actingAs").asString()).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(filed.get("identityCheck").get("actingPerson").asString()).isEqualTo("法定代表人");
    }

    @Test
    void aClerkFilesOnlyWithTheIdentityCheckRecordedWithTheApplication() throws Exception {
        RequestPostProcessor clerk = clerk("clerk-identity");
        Map<String, Object> visitor = person("窗口来人");
        Map<String, Object> unchecked = new LinkedHashMap<>(unemployment(visitor));
        JsonNode problem = submit(clerk, unchecked, 400);
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("identityCheck");
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("REQUIRED");

        Map<String, Object> checked = new LinkedHashMap<>(unemployment(visitor));
        checked.put("identityCheck", Map.of("method", "PASSPORT"));
        JsonNode filed = submit(clerk, checked, 201);
        String number = filed.get("number").asString();
        assertThat(filed.get("channel").asString()).isEqualTo("WINDOW");
        JsonNode check = getJson(clerk, APPLICATIONS + "/" + number, 200).get("identityCheck");
        assertThat(check.get("method").asString()).isEqualTo("PASSPORT");
        assertThat(check.get("checkedBy").asString()).isEqualTo("clerk-identity");
        assertThat(check.get("checkedBySubject").asString()).isEqualTo("clerk-identity");
        assertThat(check.get("actingAs").asString()).isEqualTo("SELF");
        assertThat(check.get("at").asString()).startsWith("2026-11-20T");
        assertThat(jdbc.sql("select state -> 'identityCheck' ->> 'method' from application where number = ?")
                        .param(number)
                        .query(String.class)
                        .single())
                .isEqualTo("PASSPORT");

        // online nobody records a window's identity check
        Map<String, Object> me = person("网上申请人");
        Map<String, Object> claimed = new LinkedHashMap<>(unemployment(me));
        claimed.put("identityCheck", Map.of("method", "IN_PERSON"));
        JsonNode online = submit(applicant(newSubject(), me), claimed, 400);
        assertThat(online.get("errors").findValuesAsString("field")).containsExactly("identityCheck");
    }

    @Test
    void aGenuineCertificateOfAnotherHolderIsRefusedAndNothingIsStored() throws Exception {
        String subject = newSubject();
        Map<String, Object> company = company("杭州持证人有限公司");
        RequestPostProcessor me = applicant(subject, company);
        String othersLicence = CertificateAuthority.platform()
                .issue(
                        "BUSINESS_LICENCE-2026-000321",
                        "BUSINESS_LICENCE",
                        "samr-company-registration",
                        "别人的公司",
                        TestIds.creditCode(),
                        null);
        Map<String, Object> body = new LinkedHashMap<>(foodLicence(me, company));
        List<Map<String, Object>> materials = new java.util.ArrayList<>(documents(me, "FOOD_BUSINESS_APPLICATION"));
        materials.add(Map.of("code", "BUSINESS_LICENCE", "certificate", othersLicence));
        materials.addAll(documents(me, "PREMISES_LAYOUT", "FOOD_SAFETY_RULES", "FOOD_SAFETY_MANAGER"));
        body.put("materials", materials);

        JsonNode refused = submit(me, body, 400);

        assertThat(refused.get("type").asString()).isEqualTo("https://runonce.org/problems/validation-failed");
        assertThat(refused.get("errors").findValuesAsString("field")).containsExactly("materials[1].certificate");
        assertThat(refused.get("errors").get(0).get("message").asString()).contains("holder");
        assertThat(storedFor(subject)).isZero();
    }

    private long storedFor(String subject) {
        return jdbc.sql("select count(*) from application where applicant_subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> unemployment(Map<String, Object> applicant) {
        return Map.of(
                "itemCode",
                "hrss-unemployment-benefit",
                "applicant",
                applicant,
                "form",
                Map.of("terminationDate", "2026-10-31"));
    }

    private Map<String, Object> foodLicence(RequestPostProcessor me, Map<String, Object> company) throws Exception {
        return Map.of(
                "itemCode",
                "samr-food-business-licence",
                "applicant",
                company,
                "form",
                Map.of("businessPremises", "杭州市上城区食品街1号", "foodCategories", "预包装食品销售"),
                "materials",
                documents(me, "FOOD_BUSINESS_APPLICATION"));
    }
}
