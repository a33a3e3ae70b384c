package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runonce.localstack.Keycloak;
import org.runonce.localstack.LocalPlatform;
import tools.jackson.databind.JsonNode;

/**
 * Immediate decisions at the window (即来即办, 授权到位) on the whole platform, through the gateway, with the real
 * Keycloak: the SAMR head authorizes the window clerk for the department's IMMEDIATE item (individual business
 * registration); in one visit the clerk files the application for the person whose identity card they read, intake
 * accepts it at once, approval opens the case from intake's event, the clerk decides it at once, the licence is issued,
 * the application completes with its number, receipt and licence print (the licence also by the clerk who decided it,
 * for an applicant who may have no account; not by another clerk), the licence lands in the holder's wallet and
 * verifies publicly, and the applicant came exactly once. Without a delegation (or after its revocation) and for an item
 * that is not IMMEDIATE the clerk is refused and nothing is issued.
 */
@ExtendWith(SharedPlatform.class)
class WindowDecisionIT {

    static final Duration EVENTUALLY = Duration.ofSeconds(90);
    static final String CLERK = "clerk.wang";
    /** Another window clerk, added to the realm by the test. */
    static final String OTHER_CLERK = "clerk.zhao";

    static final String HEAD = "head.samr";
    static final String IMMEDIATE_ITEM = "samr-individual-business-registration";
    /** A SAMR item handled in the back office (ZERO_VISIT), not at the window. */
    static final String BACK_OFFICE_ITEM = "samr-company-registration";
    /** li.si's verified identity (the realm's attributes): the person at the window. */
    static final String NAME = "李四";

    static final String ID_NUMBER = "33010219850615202X";

    static Portal portal;
    static String applicant;
    static String subject;

    @BeforeAll
    static void theApplicantHasAnAccount(LocalPlatform platform) {
        portal = new Portal(platform);
        applicant = portal.token("li.si");
        subject = portal.subjectOf(applicant);
    }

    /** Every test starts (and leaves) the clerk without a delegation, of SAMR or of PSB. */
    @BeforeEach
    @AfterEach
    void noDelegation() {
        for (String user : List.of(HEAD, "head.psb")) {
            String head = portal.token(user);
            portal.gateway.get("/api/approval/delegations", head).json(200).forEach(d -> {
                if (CLERK.equals(d.path("clerk").asString())
                        && d.path("revokedAt").isNull()) {
                    revoke(head, d.path("id").asLong());
                }
            });
        }
    }

    @Test
    void anAuthorizedClerkAcceptsAndDecidesInOneVisitAndTheApplicantLeavesWithTheLicence() {
        String head = portal.token(HEAD);
        long delegation = grant(head, IMMEDIATE_ITEM).json(201).path("id").asLong();
        String clerk = portal.token(CLERK);

        // 1. filed at the window for the person whose identity card the clerk read: complete, so accepted at once
        JsonNode accepted =
                fileAtWindow(clerk, IMMEDIATE_ITEM, individualBusinessForm(), individualBusinessMaterials());
        String number = accepted.path("number").asString();
        assertThat(accepted.path("status").asString()).as(accepted.toString()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("channel").asString()).isEqualTo("WINDOW");
        assertThat(accepted.path("identityCheck").path("method").asString()).isEqualTo("ID_CARD_READER");
        assertThat(accepted.path("notices")).isEmpty();
        assertThat(accepted.path("cases")).hasSize(1);
        String caseNumber = accepted.path("cases").get(0).path("caseNumber").asString();
        assertThat(caseNumber).isEqualTo(number + "-01");

        // 2. approval opens the case from intake's acceptance (Kafka)
        awaitOpenedInApproval(head, caseNumber);

        // 3. the clerk decides at once under the delegation: the licence is issued, prefilled from the form as filed
        JsonNode decided = decide(clerk, caseNumber).json(201);
        JsonNode decidedCase = decided.path("decidedCase");
        assertThat(decidedCase.path("number").asString()).isEqualTo(caseNumber);
        assertThat(decidedCase.path("status").asString()).isEqualTo("APPROVED");
        assertThat(decidedCase.path("decision").path("atWindow").asBoolean()).isTrue();
        assertThat(decidedCase.path("decision").path("decidedBy").asString()).isEqualTo(CLERK);
        assertThat(decidedCase.path("decision").path("delegationId").asLong()).isEqualTo(delegation);
        JsonNode licence = decided.path("certificate");
        String certificate = licence.path("number").asString();
        assertThat(certificate).startsWith("BUSINESS_LICENCE-");
        assertThat(decidedCase.path("decision").path("certificateNumber").asString())
                .isEqualTo(certificate);
        assertThat(licence.path("caseNumber").asString()).isEqualTo(caseNumber);
        assertThat(licence.path("holder").path("name").asString()).isEqualTo(NAME);
        assertThat(licence.path("holder").path("subject").asString()).isEqualTo(subject);
        assertThat(licence.path("content").path("businessScope").asString())
                .isEqualTo(individualBusinessForm().get("businessScope"));
        String jws = licence.path("jws").asString();
        assertThat(jws).isNotBlank();
        // decided once: the same case again is refused
        assertThat(decide(clerk, caseNumber).status()).isEqualTo(409);

        // 4. intake learns the decision (Kafka): the application is completed, with the licence's number
        JsonNode completed = portal.awaitApplication(
                clerk, number, a -> a.path("status").asString().equals("COMPLETED"), EVENTUALLY);
        assertThat(completed.path("cases").get(0).path("status").asString()).isEqualTo("APPROVED");
        assertThat(completed.path("cases").get(0).path("certificateNumber").asString())
                .isEqualTo(certificate);
        assertThat(portal.application(applicant, number)
                        .path("cases")
                        .get(0)
                        .path("certificateNumber")
                        .asString())
                .isEqualTo(certificate);

        // 5. the receipt prints for the clerk (and the applicant), the licence for its holder, through approval and
        //    through the wallet; nobody else prints it
        String receiptPath = completed.path("acceptance").path("receiptPath").asString();
        assertThat(portal.gateway.get(receiptPath, clerk).body()).contains(number, NAME);
        assertPdf(pdf(receiptPath, clerk));
        assertPdf(pdf(receiptPath, applicant));
        Http.Response printed = pdf("/api/approval/certificates/" + certificate + "/document", applicant);
        assertPdf(printed);
        assertThat(printed.header("Content-Disposition")).contains(certificate);
        JsonNode inWallet = awaitInWallet(certificate);
        assertThat(inWallet.path("status").asString()).isEqualTo("VALID");
        assertThat(inWallet.path("holderName").asString()).isEqualTo(NAME);
        assertThat(inWallet.path("jws").asString()).isEqualTo(jws);
        assertPdf(pdf(inWallet.path("document").asString(), applicant));
        // the applicant leaves with the licence even without an account: the clerk who decided it prints it (audited
        // in the case's trail); another window clerk gets 404, as for a certificate that does not exist
        Http.Response printedAtWindow = pdf("/api/approval/certificates/" + certificate + "/document", clerk);
        assertPdf(printedAtWindow);
        assertThat(printedAtWindow.header("Content-Disposition")).contains(certificate);
        List<JsonNode> viewed = certificateViews(head, caseNumber);
        assertThat(viewed).hasSize(1);
        assertThat(viewed.getFirst().path("actor").asString()).isEqualTo(CLERK);
        assertThat(viewed.getFirst().path("payload").asString()).contains(certificate);
        Http.Response otherClerk = pdf("/api/approval/certificates/" + certificate + "/document", anotherWindowClerk());
        assertThat(otherClerk.status()).as(otherClerk.toString()).isEqualTo(404);
        assertThat(certificateViews(head, caseNumber)).hasSize(1);
        String someoneElse = portal.token("zhang.san");
        assertThat(pdf(inWallet.path("document").asString(), someoneElse).status())
                .isEqualTo(404);
        assertThat(pdf("/api/approval/certificates/" + certificate + "/document", someoneElse)
                        .status())
                .isEqualTo(404);
        assertThat(portal.gateway
                        .get("/api/intake/certificates", someoneElse)
                        .json(200)
                        .findValuesAsString("certificateNumber"))
                .doesNotContain(certificate);

        // 6. anyone verifies it without a token: its public status and its signature
        JsonNode status = portal.gateway
                .get("/api/approval/certificates/" + certificate, null)
                .json(200);
        assertThat(status.path("status").asString()).isEqualTo("VALID");
        assertThat(portal.gateway
                        .post("/api/approval/certificates/verify", null, Map.of("jws", jws))
                        .json(200)
                        .path("valid")
                        .asBoolean())
                .isTrue();

        // the applicant is told once each, in the inbox and by mail: the licence issued, the result ready
        String email = accepted.path("applicant").path("email").asString();
        assertThat(email).startsWith("li.si+");
        awaitNotice(email, number, "certificate-issued");
        awaitNotice(email, number, "result-ready");

        // 7. handed over at the window in the same visit: one visit, though the clerk filed, decided and delivered
        JsonNode delivered = portal.gateway
                .post(Portal.APPLICATIONS + "/" + number + "/delivery", clerk, Map.of("method", "WINDOW_PICKUP"))
                .json(200);
        assertThat(delivered.path("delivery").path("method").asString()).isEqualTo("WINDOW_PICKUP");
        JsonNode view = portal.application(applicant, number);
        assertThat(view.path("visitLog").findValuesAsString("purpose")).containsExactly("SUBMISSION", "RESULT_PICKUP");
        assertThat(view.path("visits").asInt()).isEqualTo(1);
        assertThat(view.path("multipleVisits").asBoolean()).isFalse();

        // the delegation's use is in the department's trail, which still verifies
        assertThat(delegationTrail(head, caseNumber)).containsExactly("DELEGATION_USED");
        assertThat(portal.gateway
                        .get("/api/approval/delegations/audit/verify", head)
                        .json(200)
                        .path("intact")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void withoutADelegationOrAfterItsRevocationTheClerkIsRefusedAndNothingIsIssued() {
        String head = portal.token(HEAD);
        String clerk = portal.token(CLERK);
        JsonNode accepted =
                fileAtWindow(clerk, IMMEDIATE_ITEM, individualBusinessForm(), individualBusinessMaterials());
        assertThat(accepted.path("status").asString()).as(accepted.toString()).isEqualTo("ACCEPTED");
        String number = accepted.path("number").asString();
        String caseNumber = accepted.path("cases").get(0).path("caseNumber").asString();
        awaitOpenedInApproval(head, caseNumber);

        // no delegation at all
        Http.Response refused = decide(clerk, caseNumber);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().path("type").asString()).endsWith("/no-window-delegation");

        // a delegation granted and revoked again
        long delegation = grant(head, IMMEDIATE_ITEM).json(201).path("id").asLong();
        assertThat(revoke(head, delegation).path("revokedBy").asString()).isEqualTo(HEAD);
        refused = decide(clerk, caseNumber);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().path("type").asString()).endsWith("/no-window-delegation");

        // a head of another department cannot authorize for SAMR's cases: granted for PSB, still refused here
        grant(portal.token("head.psb"), null).json(201);
        assertThat(decide(clerk, caseNumber).status()).isEqualTo(403);

        assertNothingDecided(head, number, caseNumber);
    }

    @Test
    void anItemThatIsNotImmediateIsRefusedEvenWithADelegationOfTheDepartment() {
        String head = portal.token(HEAD);
        String clerk = portal.token(CLERK);
        // a head cannot authorize the clerk for it
        Http.Response notGranted = grant(head, BACK_OFFICE_ITEM);
        assertThat(notGranted.status()).as(notGranted.toString()).isEqualTo(422);
        assertThat(notGranted.json().path("type").asString()).endsWith("/not-immediate");
        // a delegation for every IMMEDIATE item of SAMR does not cover it
        grant(head, null).json(201);

        JsonNode accepted = fileAtWindow(clerk, BACK_OFFICE_ITEM, companyForm(), companyMaterials());
        assertThat(accepted.path("status").asString()).as(accepted.toString()).isEqualTo("ACCEPTED");
        String number = accepted.path("number").asString();
        String caseNumber = accepted.path("cases").get(0).path("caseNumber").asString();
        awaitOpenedInApproval(head, caseNumber);

        Http.Response refused = decide(clerk, caseNumber);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("type").asString()).endsWith("/not-immediate");
        assertNothingDecided(head, number, caseNumber);
    }

    // ---- the window ----------------------------------------------------------------------------------------------

    /** The clerk files for li.si, whose identity card they read; returns the application as filed. */
    private static JsonNode fileAtWindow(
            String clerk, String item, Map<String, Object> form, List<String> materialCodes) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("subject", subject);
        person.put("name", NAME);
        person.put("type", "NATURAL_PERSON");
        person.put("idNumber", ID_NUMBER);
        person.put("locale", "zh-CN");
        person.put("email", Portal.uniqueMailAddress("li.si"));
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("itemCode", item);
        submission.put("applicant", person);
        submission.put("identityCheck", Portal.idCardRead());
        submission.put("form", form);
        submission.put("materials", portal.documents(clerk, subject, materialCodes));
        return portal.submitOnceTheCatalogArrived(clerk, submission);
    }

    private static Map<String, Object> individualBusinessForm() {
        return Map.of(
                "businessName", "西湖区李四面馆",
                "operatorName", NAME,
                "operatorIdNumber", ID_NUMBER,
                "businessPremises", "杭州市西湖区文三路2号",
                "businessScope", "餐饮服务；小吃店",
                "organisationForm", "INDIVIDUAL");
    }

    private static List<String> individualBusinessMaterials() {
        return List.of("INDIVIDUAL_BUSINESS_APPLICATION", "ID_CARD", "PREMISES_PROOF");
    }

    private static Map<String, Object> companyForm() {
        return Map.of(
                "companyName", "杭州李四科技有限公司",
                "registeredCapitalYuan", 100000,
                "businessScope", "软件开发",
                "registeredAddress", "杭州市西湖区文三路3号",
                "legalRepresentativeName", NAME);
    }

    private static List<String> companyMaterials() {
        return List.of(
                "COMPANY_REGISTRATION_APPLICATION",
                "ARTICLES_OF_ASSOCIATION",
                "ID_CARD",
                "PREMISES_PROOF",
                "OFFICER_APPOINTMENTS");
    }

    /** The clerk decides the case at once, approving it; the licence as drafted from the case. */
    private static Http.Response decide(String clerk, String caseNumber) {
        return portal.gateway.post(
                "/api/approval/window-decisions",
                clerk,
                Map.of("caseNumber", caseNumber, "outcome", "APPROVED", "reason", "材料齐全，符合法定形式，当场办结"));
    }

    /**
     * A second window clerk, {@value #OTHER_CLERK}: the demo realm has one, so this one is added through Keycloak's
     * admin API (the local bootstrap administrator), with the {@code window-clerk} role and no delegation.
     */
    private static String anotherWindowClerk() {
        Http keycloak = new Http(portal.platform.keycloak().baseUrl());
        String form = "grant_type=password&client_id=admin-cli&username=" + Keycloak.ADMIN_USERNAME + "&password="
                + Keycloak.ADMIN_PASSWORD;
        String admin = keycloak.exchange(
                        "POST",
                        "/realms/master/protocol/openid-connect/token",
                        null,
                        form.getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Type", "application/x-www-form-urlencoded"))
                .json(200)
                .path("access_token")
                .asString();
        String users = "/admin/realms/" + Keycloak.REALM + "/users";
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", OTHER_CLERK);
        user.put("enabled", true);
        user.put("emailVerified", true);
        user.put("firstName", "敏");
        user.put("lastName", "赵");
        user.put("email", OTHER_CLERK + "@example.com");
        user.put("credentials", List.of(Map.of("type", "password", "value", Portal.PASSWORD, "temporary", false)));
        Http.Response created = keycloak.post(users, admin, user);
        assertThat(created.status()).as(created.toString()).isIn(201, 409);
        String id = keycloak.get(users + "?exact=true&username=" + OTHER_CLERK, admin)
                .json(200)
                .get(0)
                .path("id")
                .asString();
        JsonNode role = keycloak.get("/admin/realms/" + Keycloak.REALM + "/roles/window-clerk", admin)
                .json(200);
        Http.Response granted = keycloak.post(users + "/" + id + "/role-mappings/realm", admin, List.of(role));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(204);
        return portal.token(OTHER_CLERK);
    }

    // ---- the department --------------------------------------------------------------------------------------------

    /** The head authorizes the clerk for {@code item} (null: every IMMEDIATE item of the head's department). */
    private static Http.Response grant(String head, String item) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clerk", CLERK);
        if (item != null) {
            body.put("itemCode", item);
        }
        body.put("reason", "综合窗口即来即办授权");
        return portal.gateway.post("/api/approval/delegations", head, body);
    }

    private static JsonNode revoke(String head, long delegation) {
        return portal.gateway
                .post("/api/approval/delegations/" + delegation + "/revoke", head, Map.of("reason", "岗位调整"))
                .json(200);
    }

    /** Waits until approval opened the case from intake's acceptance, as its department sees it: pending. */
    private static void awaitOpenedInApproval(String head, String caseNumber) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Response found = portal.gateway.get(Portal.CASES + caseNumber, head);
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            assertThat(found.json().path("status").asString()).isEqualTo("PENDING");
        });
    }

    /** The case is still pending in approval with no decision or certificate, and the application still open. */
    private static void assertNothingDecided(String head, String number, String caseNumber) {
        JsonNode pending = portal.caseOf(head, caseNumber);
        assertThat(pending.path("status").asString()).isEqualTo("PENDING");
        assertThat(pending.path("decision").isMissingNode()
                        || pending.path("decision").isNull())
                .as("no decision: %s", pending)
                .isTrue();
        List<String> actions = new ArrayList<>();
        portal.gateway
                .get(Portal.CASES + caseNumber + "/audit", head)
                .json(200)
                .forEach(e -> actions.add(e.path("action").asString()));
        assertThat(actions).doesNotContain("DECIDED", "CERTIFICATE_ISSUED");
        assertThat(delegationTrail(head, caseNumber)).isEmpty();
        JsonNode application = portal.application(applicant, number);
        assertThat(application.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(application.path("cases").get(0).path("certificateNumber").isNull())
                .isTrue();
    }

    /** The {@code CERTIFICATE_VIEWED} entries of the case's audit trail. */
    private static List<JsonNode> certificateViews(String head, String caseNumber) {
        List<JsonNode> views = new ArrayList<>();
        portal.gateway.get(Portal.CASES + caseNumber + "/audit", head).json(200).forEach(e -> {
            if ("CERTIFICATE_VIEWED".equals(e.path("action").asString())) {
                views.add(e);
            }
        });
        return views;
    }

    /** The actions of the department's delegation trail that name the case. */
    private static List<String> delegationTrail(String head, String caseNumber) {
        List<String> actions = new ArrayList<>();
        portal.gateway.get("/api/approval/delegations/audit", head).json(200).forEach(e -> {
            if (e.path("payload").toString().contains(caseNumber)) {
                actions.add(e.path("action").asString());
            }
        });
        return actions;
    }

    // ---- the holder ------------------------------------------------------------------------------------------------

    /** The licence in li.si's wallet (我的证照), once intake has read approval's certificate.issued event. */
    private static JsonNode awaitInWallet(String certificate) {
        JsonNode[] entry = {null};
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            entry[0] = null;
            portal.gateway.get("/api/intake/certificates", applicant).json(200).forEach(c -> {
                if (certificate.equals(c.path("certificateNumber").asString())) {
                    entry[0] = c;
                }
            });
            assertThat(entry[0]).as("%s in the wallet", certificate).isNotNull();
        });
        return entry[0];
    }

    /** One notice of {@code template} about the application in li.si's inbox, and its title among her mails. */
    private static void awaitNotice(String email, String number, String template) {
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<String> titles = new ArrayList<>();
            portal.gateway
                    .get("/api/notifications/inbox?limit=500", applicant)
                    .json(200)
                    .forEach(n -> {
                        if (number.equals(n.path("applicationNumber").asString())
                                && template.equals(n.path("template").asString())) {
                            titles.add(n.path("title").asString());
                        }
                    });
            assertThat(titles).as("%s in the inbox for %s", template, number).hasSize(1);
            assertThat(portal.mailSubjectsTo(email)).as("mails to %s", email).containsAll(titles);
        });
    }

    private static Http.Response pdf(String path, String token) {
        return portal.gateway.exchange("GET", path, token, null, Map.of("Accept", "application/pdf"));
    }

    private static void assertPdf(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/pdf");
        assertThat(response.body()).startsWith("%PDF-");
    }
}
