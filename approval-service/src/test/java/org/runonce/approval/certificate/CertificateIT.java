package org.runonce.approval.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runonce.approval.Tokens.caller;
import static org.runonce.approval.Tokens.head;
import static org.runonce.approval.Tokens.reviewer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runonce.approval.ApprovalTopic;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.approval.cases.CertificateDetails;
import org.runonce.approval.cases.Deciding;
import org.runonce.approval.cases.Reviewing;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.approval.CertificateClaims;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * E-certificates on real PostgreSQL and Kafka: signed with the platform key (ES256), verifiable by anyone with the
 * published JWK Set; forged or altered certificates fail verification; the issuing department's head revokes.
 */
class CertificateIT extends RunningApproval {

    static final String VERIFY = "/api/approval/certificates/verify";

    @Autowired
    Reviewing reviewing;

    @Autowired
    Deciding deciding;

    @BeforeEach
    void today() {
        clock.setDay("2026-09-22");
    }

    /** An approved food licence; returns its certificate as the owner sees it. */
    JsonNode issued() throws Exception {
        String app = Fixtures.newApplicationNumber();
        opening.open(Fixtures.single(app, Fixtures.FOOD, "SAMR", clock.instant()));
        String number = app + "-01";
        var li = caller("li.samr", "SAMR", "reviewer");
        reviewing.startReview(number, li);
        reviewing.advance(number, null, li);
        var view = deciding.approve(
                number,
                "符合条件",
                "《食品安全法》第三十五条",
                new CertificateDetails(
                        null,
                        null,
                        Map.of("businessScope", "热食类食品制售", "address", "杭州市西湖区文三路1号"),
                        java.time.LocalDate.parse("2031-09-21")),
                li);
        String certificate = view.decision().certificateNumber();
        return json.readTree(mvc.perform(get("/api/approval/cases/" + number + "/certificates/" + certificate)
                        .with(reviewer("SAMR", "li.samr")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    ResultActions verify(Object body) throws Exception {
        return mvc.perform(post(VERIFY).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    @Test
    void aGenuineCertificateVerifiesWithThePublishedKeys() throws Exception {
        var certificate = issued();
        String jws = certificate.get("jws").asString();

        // the JWK Set is public; anyone checks the signature with it
        String jwks = mvc.perform(get(CertificateClaims.JWKS_PATH))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keys[0].kty").value("EC"))
                .andExpect(jsonPath("$.keys[0].d").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var parsed = JWSObject.parse(jws);
        var key =
                JWKSet.parse(jwks).getKeyByKeyId(parsed.getHeader().getKeyID()).toECKey();
        assertThat(parsed.verify(new ECDSAVerifier(key))).isTrue();
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        var claims = json.readValue(parsed.getPayload().toString(), CertificateClaims.class);
        assertThat(claims.iss()).isEqualTo("runonce");
        assertThat(claims.certificateType()).isEqualTo("FOOD_BUSINESS_LICENCE");
        assertThat(claims.holder().name()).isEqualTo("李小红");
        assertThat(claims.holder().idNumber()).isEqualTo("330102199202023456");
        assertThat(claims.validUntil()).hasToString("2031-09-21");
        assertThat(claims.content()).containsEntry("businessScope", "热食类食品制售");

        verify(Map.of("jws", jws))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.genuine").value(true))
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.revoked").value(false))
                .andExpect(jsonPath("$.certificateNumber").value(claims.certificateNumber()));
        verify(Map.of("certificateNumber", claims.certificateNumber(), "content", claims.content()))
                .andExpect(jsonPath("$.valid").value(true));
        mvc.perform(get("/api/approval/certificates/" + claims.certificateNumber()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.holder").doesNotExist());
    }

    /**
     * Issue 16 item 2: whatever the decider's body says, the certificate is issued to the case's applicant with the
     * case's reserved fields; a body naming another holder or overwriting a reserved field is refused and nothing is
     * issued; the trail records the holder.
     */
    @Test
    void theHolderAndTheReservedFieldsComeFromTheCaseAndTheTrailNamesTheHolder() throws Exception {
        String app = Fixtures.newApplicationNumber();
        opening.open(Fixtures.single(app, Fixtures.FOOD, "SAMR", clock.instant()));
        String number = app + "-01";
        var li = caller("li.samr", "SAMR", "reviewer");
        reviewing.startReview(number, li);
        reviewing.advance(number, null, li);

        act(number, "approve", reviewer("SAMR", "li.samr"), """
                        {"certificate": {"holderName": "赵伪造", "holderIdNumber": "110101199003077777"}}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "certificate-holder-from-case"));
        act(number, "approve", reviewer("SAMR", "li.samr"), """
                        {"certificate": {"content": {"caseNumber": "330000-2026-000000001-01", "holderName": "赵伪造",
                                                     "businessScope": "热食类食品制售"}}}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "certificate-field-reserved"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("caseNumber, holderName")));
        assertThat(jdbc.sql("select count(*) from certificate where case_number = ?")
                        .param(number)
                        .query(Integer.class)
                        .single())
                .isZero();

        String decided = act(number, "approve", reviewer("SAMR", "li.samr"), """
                        {"certificate": {"content": {"businessScope": "热食类食品制售"}}}""")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String certificate = json.readTree(decided)
                .path("decision")
                .path("certificateNumber")
                .asString();
        var jws = JWSObject.parse(jdbc.sql("select jws from certificate where number = ?")
                .param(certificate)
                .query(String.class)
                .single());
        var claims = json.readValue(jws.getPayload().toString(), CertificateClaims.class);
        assertThat(claims.holder().name()).isEqualTo("李小红");
        assertThat(claims.holder().idNumber()).isEqualTo("330102199202023456");
        assertThat(claims.holder().subject()).isEqualTo("applicant-1");
        assertThat(claims.content())
                .containsEntry("holderName", "李小红")
                .containsEntry("caseNumber", number)
                .containsEntry("applicationNumber", app)
                .containsEntry("businessScope", "热食类食品制售");

        String issued = jdbc.sql(
                        "select payload from audit_entry where case_number = ? and action = 'CERTIFICATE_ISSUED'")
                .param(number)
                .query(String.class)
                .single();
        var payload = json.readTree(issued);
        assertThat(payload.path("certificateNumber").asString()).isEqualTo(certificate);
        assertThat(payload.path("holder").path("name").asString()).isEqualTo("李小红");
        assertThat(payload.path("holder").path("subject").asString()).isEqualTo("applicant-1");
        assertThat(payload.path("holder").path("idNumber").asString()).isEqualTo("330102********3456");
        assertThat(issued).doesNotContain("330102199202023456");
        assertThat(payload.path("jwsSha256").asString()).hasSize(64);
    }

    @Test
    void forgedAndAlteredCertificatesFail() throws Exception {
        var certificate = issued();
        String jws = certificate.get("jws").asString();
        String number = certificate.get("number").asString();
        var parsed = JWSObject.parse(jws);

        // altered content, original signature
        ObjectNode payload = (ObjectNode) json.readTree(parsed.getPayload().toString());
        ((ObjectNode) payload.get("content")).put("businessScope", "热食类、冷食类、生食类食品制售");
        String altered = parsed.getHeader().toBase64URL() + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(payload)) + "."
                + parsed.getSignature();
        verify(Map.of("jws", altered))
                .andExpect(jsonPath("$.genuine").value(false))
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.reason").value("BAD_SIGNATURE"));

        // forged: the same claims signed by someone else's key, under the platform's key id and under its own
        var forger = new ECKeyGenerator(Curve.P_256).generate();
        for (String kid : List.of(parsed.getHeader().getKeyID(), "forger-key")) {
            var forged = new JWSObject(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(kid)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    new Payload(json.writeValueAsString(payload)));
            forged.sign(new ECDSASigner(forger));
            verify(Map.of("jws", forged.serialize()))
                    .andExpect(jsonPath("$.genuine").value(false))
                    .andExpect(jsonPath("$.reason").value(kid.equals("forger-key") ? "UNKNOWN_KEY" : "BAD_SIGNATURE"));
        }

        // a number with content it does not certify; a number that was never issued; garbage
        verify(Map.of("certificateNumber", number, "content", json.convertValue(payload.get("content"), Map.class)))
                .andExpect(jsonPath("$.genuine").value(false))
                .andExpect(jsonPath("$.reason").value("CONTENT_MISMATCH"));
        verify(Map.of("certificateNumber", "FOOD_BUSINESS_LICENCE-2026-999999", "content", Map.of()))
                .andExpect(jsonPath("$.reason").value("UNKNOWN_CERTIFICATE"));
        verify(Map.of("jws", "not-a-certificate"))
                .andExpect(jsonPath("$.reason").value("MALFORMED"));
        verify(Map.of()).andExpect(status().isBadRequest());
    }

    @Test
    void onlyTheIssuingDepartmentsHeadRevokes() throws Exception {
        var certificate = issued();
        String number = certificate.get("number").asString();
        String revoke = "/api/approval/certificates/" + number + "/revoke";
        String reason = "{\"reason\": \"以欺骗手段取得许可\"}";

        mvc.perform(post(revoke)
                        .with(head("PSB", "head.psb"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(reason))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/not-issuing-department"));
        mvc.perform(post(revoke)
                        .with(reviewer("SAMR", "li.samr"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(reason))
                .andExpect(status().isForbidden());
        mvc.perform(post(revoke)
                        .with(head("SAMR", "head.samr"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(reason))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"));
        mvc.perform(post(revoke)
                        .with(head("SAMR", "head.samr"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(reason))
                .andExpect(status().isConflict());

        verify(Map.of("jws", certificate.get("jws").asString()))
                .andExpect(jsonPath("$.genuine").value(true))
                .andExpect(jsonPath("$.revoked").value(true))
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.reason").value("REVOKED"));
        String caseNumber = certificate.get("caseNumber").asString();
        mvc.perform(get("/api/approval/cases/" + caseNumber + "/audit").with(head("SAMR", "head.samr")))
                .andExpect(jsonPath("$[-1].action").value("CERTIFICATE_REVOKED"))
                .andExpect(jsonPath("$[-1].actor").value("head.samr"));

        try (var topic = new ApprovalTopic(LocalInfrastructure.kafka().bootstrapServers())) {
            var records = topic.awaitRecords(
                    r -> r.subject().equals(caseNumber),
                    seen -> ApprovalTopic.count(seen, ".certificate.revoked.v1") == 1,
                    Duration.ofSeconds(60));
            var revoked = topic.matching(
                            r -> r.subject().equals(caseNumber) && r.type().endsWith(".revoked.v1"))
                    .getFirst();
            assertThat(revoked.event().get("data").get("reason").asString()).isEqualTo("以欺骗手段取得许可");
            assertThat(revoked.event().get("department").asString()).isEqualTo("SAMR");
            records.forEach(r -> assertThat(EventSchemas.violations(EventSchemas.schemaOf(r.type()), r.body()))
                    .as(r.body())
                    .isEmpty());
        }
    }
}
