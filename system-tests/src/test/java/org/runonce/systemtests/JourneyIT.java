package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.runonce.localstack.LocalPlatform;
import tools.jackson.databind.JsonNode;

/**
 * The company start-up journey (公司设立一件事) end to end, through the gateway only, with the real Keycloak: submitted
 * with one key material missing, one one-time notice, supplemented, accepted, five cases in five departments, the
 * licence approved and its certificate handed on to the four others, every case approved, completed, delivered and
 * rated; the applicant told at each step by mail and inbox, SAMR's department system following its cases by
 * signed webhooks, the tax department's system seeing only its own. Online the applicant never comes in; at the
 * window they come exactly once. The licence lands in the holder's wallet, and online it is reused by its number
 * alone as a material of a later application (seal engraving), which intake verifies and accepts.
 */
@ExtendWith(SharedPlatform.class)
class JourneyIT {

    static final Duration EVENTUALLY = Duration.ofSeconds(90);
    static final String MISSING = "ARTICLES_OF_ASSOCIATION";
    static final String SECRET_SAMR = "samr-webhook-secret-for-tests";
    static final String SECRET_TAX = "tax-webhook-secret-for-tests";

    static Portal portal;
    static WebhookReceiver samrSystem;
    static WebhookReceiver taxSystem;
    static List<String> subscriptions = new ArrayList<>();

    @BeforeAll
    static void subscribeTheDepartmentSystems(LocalPlatform platform) {
        portal = new Portal(platform);
        samrSystem = new WebhookReceiver(SECRET_SAMR);
        taxSystem = new WebhookReceiver(SECRET_TAX);
        subscribe("samr-system", samrSystem, "org.runonce.approval.case.*");
        // the tax system asks for everything: it still gets only its own department's events
        subscribe("tax-system", taxSystem, "org.runonce.approval.*");
    }

    @AfterAll
    static void unsubscribe() {
        for (String subscription : subscriptions) {
            String[] clientAndId = subscription.split(" ");
            portal.unsubscribe(clientAndId[0], clientAndId[1]);
        }
        samrSystem.close();
        taxSystem.close();
    }

    @ParameterizedTest(name = "filed {0}")
    @ValueSource(strings = {"ONLINE", "WINDOW"})
    void theCompanyStartUpBundleFromSubmissionToEvaluation(String channel) {
        boolean atWindow = channel.equals("WINDOW");
        String applicantUser = atWindow ? "li.si" : "zhang.san";
        String applicant = portal.token(applicantUser);
        String filer = atWindow ? portal.token("clerk.wang") : applicant;
        String subject = portal.subjectOf(applicant);
        String email = Portal.uniqueMailAddress(applicantUser);
        Map<String, Object> person = Portal.person(atWindow ? "李四" : "张三", email, atWindow ? subject : null);
        String onBehalfOf = atWindow ? subject : null;

        // 1. every material but one key material -> one one-time notice listing it, and only it
        List<String> handedIn = new ArrayList<>(Portal.COMPANY_STARTUP_MATERIALS);
        handedIn.remove(MISSING);
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("bundleCode", "company-startup");
        submission.put("applicant", person);
        if (atWindow) {
            submission.put("identityCheck", Portal.idCardRead());
        }
        submission.put("form", Portal.companyStartupForm());
        submission.put("materials", portal.documents(filer, onBehalfOf, handedIn));
        JsonNode pending = portal.submitOnceTheCatalogArrived(filer, submission);

        String number = pending.path("number").asString();
        assertThat(pending.path("status").asString()).isEqualTo("PENDING_SUPPLEMENT");
        assertThat(pending.path("channel").asString()).isEqualTo(channel);
        assertThat(pending.path("notices")).hasSize(1);
        JsonNode notice = pending.path("notices").get(0);
        assertThat(notice.path("items").findValuesAsString("materialCode")).containsExactly(MISSING);
        assertThat(portal.gateway
                        .get(notice.path("documentPath").asString(), applicant)
                        .status())
                .isEqualTo(200);
        portal.awaitNotice(applicant, email, number, "one-time-notice", 1);

        // 2. the missing material supplemented -> accepted, with receipt and promised date; mail received
        JsonNode accepted = portal.supplement(filer, number, portal.documents(filer, onBehalfOf, List.of(MISSING)));
        assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("notices")).as("still one notice").hasSize(1);
        JsonNode acceptance = accepted.path("acceptance");
        assertThat(acceptance.path("promisedCompletionDate").asString()).isNotBlank();
        Http.Response receipt =
                portal.gateway.get(acceptance.path("receiptPath").asString(), applicant);
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.body())
                .contains(number, acceptance.path("promisedCompletionDate").asString());
        portal.awaitNotice(applicant, email, number, "accepted", 1);

        Map<String, String> departments = new LinkedHashMap<>();
        accepted.path("cases")
                .forEach(c -> departments.put(
                        c.path("caseNumber").asString(),
                        c.path("departmentCode").asString()));
        assertThat(departments.values()).containsExactly("SAMR", "PSB", "TAX", "HRSS", "HSA");
        String licence = number + "-01";

        // 3. SAMR's system gets the case opened, signed; the tax system sees its own case and nothing of SAMR's
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(samrSystem.received()).anySatisfy(e -> {
                    assertThat(e.type()).isEqualTo("org.runonce.approval.case.opened.v1");
                    assertThat(e.subject()).isEqualTo(licence);
                    assertThat(e.department()).isEqualTo("SAMR");
                    assertThat(e.signatureValid()).isTrue();
                }));
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(taxSystem.received()).anySatisfy(e -> {
                    assertThat(e.type()).isEqualTo("org.runonce.approval.case.opened.v1");
                    assertThat(e.subject()).isEqualTo(number + "-03");
                }));

        // 4. the SAMR reviewer finds the licence in the queue and approves it -> the certificate is issued
        String samr = portal.token(Portal.reviewerOf("SAMR"));
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(portal.gateway
                                .get("/api/approval/cases?assignee=none&status=PENDING&size=200", samr)
                                .json(200)
                                .findValuesAsString("number"))
                        .contains(licence));
        JsonNode approvedLicence = portal.approve(
                samr,
                licence,
                Map.of(
                        "reason",
                        "材料齐全，符合法定形式",
                        "certificate",
                        Map.of("holderName", "杭州一次科技有限公司", "content", Map.of("companyName", "杭州一次科技有限公司"))));
        String certificate =
                approvedLicence.path("decision").path("certificateNumber").asString();
        assertThat(certificate).startsWith("BUSINESS_LICENCE-");

        // ... the four waiting cases open in their departments with the licence attached, and each approves
        String jws = null;
        for (var entry : departments.entrySet()) {
            if (entry.getKey().equals(licence)) {
                continue;
            }
            String reviewer = portal.token(Portal.reviewerOf(entry.getValue()));
            JsonNode started = portal.caseOf(reviewer, entry.getKey());
            assertThat(started.path("status").asString()).isEqualTo("PENDING");
            assertThat(started.path("materials").findValuesAsString("certificateNumber"))
                    .contains(certificate);
            jws = portal.gateway
                    .get(Portal.CASES + entry.getKey() + "/certificates/" + certificate, reviewer)
                    .json(200)
                    .path("jws")
                    .asString();
            portal.approve(reviewer, entry.getKey(), Map.of("reason", "符合条件"));
        }
        // anyone checks the licence, without a token
        assertThat(portal.gateway
                        .get("/api/approval/certificates/" + certificate, null)
                        .json(200)
                        .path("status")
                        .asString())
                .isEqualTo("VALID");
        assertThat(portal.gateway
                        .post("/api/approval/certificates/verify", null, Map.of("jws", jws))
                        .json(200)
                        .path("valid")
                        .asBoolean())
                .isTrue();

        // 5. completed across the five departments, result delivered by post (no trip to collect it), notified, rated
        JsonNode completed = portal.awaitApplication(
                applicant, number, a -> a.path("status").asString().equals("COMPLETED"), EVENTUALLY);
        assertThat(completed.path("cases").findValuesAsString("status")).containsOnly("APPROVED");
        // one e-certificate per item: the licence, the seal record, the tax notice, the two insurance registrations
        portal.awaitNotice(applicant, email, number, "certificate-issued", 5);
        portal.awaitNotice(applicant, email, number, "result-ready", 1);
        JsonNode delivered = portal.gateway
                .post(
                        Portal.APPLICATIONS + "/" + number + "/delivery",
                        portal.token("clerk.wang"),
                        Map.of(
                                "method", "MAIL",
                                "trackingNumber", "EMS1234567890CN",
                                "address", "杭州市西湖区文三路1号"))
                .json(200);
        assertThat(delivered.path("delivery").path("method").asString()).isEqualTo("MAIL");
        JsonNode rated = portal.gateway
                .post(
                        Portal.APPLICATIONS + "/" + number + "/evaluation",
                        applicant,
                        Map.of("rating", 5, "comment", "一次都没跑"))
                .json(200);
        assertThat(rated.path("evaluation").path("rating").asInt()).isEqualTo(5);

        // 6. online: never came in; at the window: exactly once, though the clerk filed and supplemented
        JsonNode view = portal.application(applicant, number);
        assertThat(view.path("visits").asInt()).isEqualTo(atWindow ? 1 : 0);
        assertThat(view.path("multipleVisits").asBoolean()).isFalse();

        // 7. the licence is in the holder's wallet (我的证照) and, shared by its number alone (no upload), is a
        //    material of a later application, which intake verifies and accepts
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(portal.gateway
                                .get("/api/intake/certificates", applicant)
                                .json(200)
                                .findValuesAsString("certificateNumber"))
                        .contains(certificate));
        if (!atWindow) {
            List<Map<String, Object>> materials = new ArrayList<>(
                    portal.documents(applicant, null, List.of("SEAL_ENGRAVING_APPLICATION", "ID_CARD")));
            materials.add(Map.of("code", "BUSINESS_LICENCE", "certificateNumber", certificate));
            JsonNode later = portal.submitOnceTheCatalogArrived(
                    applicant,
                    Map.of(
                            "itemCode",
                            "psb-seal-engraving",
                            "applicant",
                            Portal.person("张三", email, null),
                            "form",
                            Map.of("sealCount", 1),
                            "materials",
                            materials));
            assertThat(later.path("status").asString()).as(later.toString()).isEqualTo("ACCEPTED");
        }

        // every event a department system received was its own department's, signed, and SAMR's stayed SAMR's
        await().atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(ofApplication(taxSystem, number))
                        .anySatisfy(e -> assertThat(e.type()).endsWith(".case.decided.v1")));
        assertThat(ofApplication(samrSystem, number))
                .allSatisfy(e -> {
                    assertThat(e.department()).isEqualTo("SAMR");
                    assertThat(e.signatureValid()).isTrue();
                })
                .anySatisfy(e -> assertThat(e.type()).endsWith(".case.decided.v1"));
        assertThat(ofApplication(taxSystem, number)).allSatisfy(e -> {
            assertThat(e.department()).isEqualTo("TAX");
            assertThat(e.subject()).isEqualTo(number + "-03");
            assertThat(e.signatureValid()).isTrue();
        });
    }

    private static List<WebhookReceiver.Received> ofApplication(WebhookReceiver receiver, String number) {
        return receiver.received().stream()
                .filter(e -> e.subject().startsWith(number + "-"))
                .toList();
    }

    private static void subscribe(String client, WebhookReceiver receiver, String eventTypes) {
        subscriptions.add(client + " " + portal.subscribe(client, receiver, eventTypes));
    }
}
