package org.runonce.intake.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.TestIds;
import org.runonce.contracts.Topics;
import org.runonce.contracts.approval.CertificateRevoked;
import org.runonce.intake.CertificateAuthority;
import org.runonce.intake.IntakeIT;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * An e-certificate given by number and JWS, or by number alone from the holder's wallet, replaces a document (no copy
 * needed); forged, tampered or revoked ones are refused;
 * genuine ones of the applicant that do not fit the application go into the one-time notice (another holder's are
 * refused: {@code IdentityIT}).
 */
class CertificateReferencesIT extends IntakeIT {

    @Test
    void aGenuineBusinessLicenceIsAcceptedAsTheMaterialAndTravelsByNumber() throws Exception {

        Map<String, Object> company = company("杭州证照科技有限公司");
        RequestPostProcessor me = applicant(newSubject(), company);
        String licence = CertificateAuthority.platform()
                .issue(
                        "BUSINESS_LICENCE-2026-000042",
                        "BUSINESS_LICENCE",
                        "samr-company-registration",
                        "杭州证照科技有限公司",
                        (String) company.get("idNumber"),
                        null);

        JsonNode accepted = submit(me, foodLicence(me, company, licence, "BUSINESS_LICENCE-2026-000042"), 201);

        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        JsonNode material = material(accepted, "BUSINESS_LICENCE");
        assertThat(material.get("outcome").asString()).isEqualTo("PROVIDED");
        assertThat(material.get("certificateNumber").asString()).isEqualTo("BUSINESS_LICENCE-2026-000042");
        assertThat(material.get("documentId").isNull()).isTrue();
        assertThat(awaitEvents(accepted.get("number").asString(), "org.runonce.intake.application.accepted.v1"))
                .anySatisfy(e -> assertThat(e).contains("\"certificateNumber\":\"BUSINESS_LICENCE-2026-000042\""));
    }

    @Test
    void aForgedOrTamperedCertificateIsRefusedAndNothingIsStored() throws Exception {
        String subject = newSubject();

        Map<String, Object> company = company("杭州伪造有限公司");
        RequestPostProcessor me = applicant(subject, company);
        String forged = CertificateAuthority.forger()
                .issue(
                        "BUSINESS_LICENCE-2026-999999",
                        "BUSINESS_LICENCE",
                        "samr-company-registration",
                        "杭州伪造有限公司",
                        (String) company.get("idNumber"),
                        null);

        JsonNode problem = submit(me, foodLicence(me, company, forged, null), 422);
        assertThat(problem.get("type").asString()).isEqualTo("https://runonce.org/problems/certificate-invalid");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("materials[1].certificate");

        String someoneElses = CertificateAuthority.platform()
                .issue(
                        "BUSINESS_LICENCE-2026-000077",
                        "BUSINESS_LICENCE",
                        "samr-company-registration",
                        "别人的公司",
                        TestIds.creditCode(),
                        null);
        String tampered = CertificateAuthority.tampered(someoneElses, (String) company.get("idNumber"));
        JsonNode tamperedProblem = submit(me, foodLicence(me, company, tampered, null), 422);
        assertThat(tamperedProblem.get("type").asString())
                .isEqualTo("https://runonce.org/problems/certificate-invalid");

        assertThat(getJson(me, "/api/intake/applications", 200)).isEmpty();
    }

    @Test
    void aCertificateRevokedByItsDepartmentIsRefusedOnceTheRevocationArrived() throws Exception {

        Map<String, Object> company = company("杭州吊销有限公司");
        RequestPostProcessor me = applicant(newSubject(), company);
        String number = "BUSINESS_LICENCE-2026-000404";
        String licence = CertificateAuthority.platform()
                .issue(
                        number,
                        "BUSINESS_LICENCE",
                        "samr-company-registration",
                        "杭州吊销有限公司",
                        (String) company.get("idNumber"),
                        null);
        LocalInfrastructure.kafka().createTopic(Topics.APPROVAL, 1);
        Instant revokedAt = Instant.parse("2026-11-19T08:00:00Z");
        publishAsApproval(CloudEvent.of(
                        UUID.randomUUID().toString(),
                        "/runonce/approval",
                        CertificateRevoked.TYPE,
                        revokedAt,
                        "330000-2026-000404-01",
                        new CertificateRevoked(
                                number,
                                "BUSINESS_LICENCE",
                                "330000-2026-000404",
                                "330000-2026-000404-01",
                                "samr-company-registration",
                                "SAMR",
                                "营业执照被依法吊销",
                                "head.samr",
                                revokedAt))
                .inDepartment("SAMR"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from revoked_certificate where certificate_number = ?")
                                .param(number)
                                .query(Long.class)
                                .single()
                        == 1);

        JsonNode problem = submit(me, foodLicence(me, company, licence, number), 422);

        assertThat(problem.get("type").asString()).isEqualTo("https://runonce.org/problems/certificate-invalid");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("revoked");
        assertThat(getJson(me, "/api/intake/applications", 200)).isEmpty();
    }

    @Test
    void aHolderSharesALicenceFromTheWalletByItsNumberAloneAndNobodyElseCan() throws Exception {
        String subject = newSubject();

        Map<String, Object> company = company("杭州证照夹科技有限公司");
        RequestPostProcessor me = applicant(subject, company);
        String number = "BUSINESS_LICENCE-2026-" + (100000 + new java.util.Random().nextInt(800000));
        String idNumber = (String) company.get("idNumber");
        String licence = licenceInWallet(number, subject, "杭州证照夹科技有限公司", idNumber, "330000-2026-000500");

        // another applicant cannot use the number: not theirs, and nothing says whether it exists
        Map<String, Object> otherCompany = company("杭州别家科技有限公司");
        RequestPostProcessor other = applicant(newSubject(), otherCompany);
        JsonNode refused = submit(other, foodLicence(other, otherCompany, null, number), 400);
        assertThat(refused.get("errors").findValuesAsString("field")).containsExactly("materials[1].certificateNumber");
        assertThat(getJson(other, "/api/intake/applications", 200)).isEmpty();

        // the holder shares it by number: no upload, no JWS in the request
        JsonNode accepted = submit(me, foodLicence(me, company, null, number), 201);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        JsonNode material = material(accepted, "BUSINESS_LICENCE");
        assertThat(material.get("outcome").asString()).isEqualTo("PROVIDED");
        assertThat(material.get("certificateNumber").asString()).isEqualTo(number);

        // once revoked, the wallet's copy is refused like any revoked certificate
        publishAsApproval(CloudEvent.of(
                        UUID.randomUUID().toString(),
                        "/runonce/approval",
                        CertificateRevoked.TYPE,
                        LICENCE_ISSUED_AT.plusSeconds(3600),
                        "330000-2026-000500-01",
                        new CertificateRevoked(
                                number,
                                "BUSINESS_LICENCE",
                                "330000-2026-000500",
                                "330000-2026-000500-01",
                                "samr-company-registration",
                                "SAMR",
                                "营业执照被依法吊销",
                                "head.samr",
                                LICENCE_ISSUED_AT.plusSeconds(3600)))
                .inDepartment("SAMR"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from revoked_certificate where certificate_number = ?")
                                .param(number)
                                .query(Long.class)
                                .single()
                        == 1);
        JsonNode revoked = submit(me, foodLicence(me, company, null, number), 422);
        assertThat(revoked.get("type").asString()).isEqualTo("https://runonce.org/problems/certificate-invalid");
        assertThat(revoked.get("errors").get(0).get("field").asString()).isEqualTo("materials[1].certificateNumber");
        assertThat(revoked.get("errors").get(0).get("message").asString()).contains("revoked");
    }

    @Test
    void genuineCertificatesThatDoNotFitAreListedInTheNotice() throws Exception {

        Map<String, Object> company = company("杭州过期有限公司");
        RequestPostProcessor me = applicant(newSubject(), company);
        String expired = CertificateAuthority.platform()
                .issue(
                        "BUSINESS_LICENCE-2020-000001",
                        "BUSINESS_LICENCE",
                        "samr-company-registration",
                        "杭州过期有限公司",
                        (String) company.get("idNumber"),
                        LocalDate.parse("2026-06-30"));

        JsonNode pending = submit(me, foodLicence(me, company, expired, null), 201);

        assertThat(pending.get("status").asString()).isEqualTo("PENDING_SUPPLEMENT");
        JsonNode item = pending.get("notices").get(0).get("items").get(0);
        assertThat(item.get("materialCode").asString()).isEqualTo("BUSINESS_LICENCE");
        assertThat(item.get("reason").asString()).isEqualTo("CERTIFICATE_EXPIRED");
    }

    private Map<String, Object> foodLicence(
            RequestPostProcessor me, Map<String, Object> company, String certificate, String number) throws Exception {
        Map<String, Object> licence = new java.util.LinkedHashMap<>();
        licence.put("code", "BUSINESS_LICENCE");
        if (certificate != null) {
            licence.put("certificate", certificate);
        }
        if (number != null) {
            licence.put("certificateNumber", number);
        }
        List<Map<String, Object>> materials = new java.util.ArrayList<>(documents(me, "FOOD_BUSINESS_APPLICATION"));
        materials.add(licence);
        materials.addAll(documents(me, "PREMISES_LAYOUT", "FOOD_SAFETY_RULES", "FOOD_SAFETY_MANAGER"));
        return Map.of(
                "itemCode",
                "samr-food-business-licence",
                "applicant",
                company,
                "form",
                Map.of("businessPremises", "杭州市上城区食品街1号", "foodCategories", "预包装食品销售"),
                "materials",
                materials);
    }

    private static JsonNode material(JsonNode application, String code) {
        for (JsonNode material : application.get("materials")) {
            if (material.get("code").asString().equals(code)) {
                return material;
            }
        }
        throw new AssertionError("no material " + code);
    }
}
