package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.runonce.contracts.TestIds;
import org.runonce.localstack.LocalPlatform;
import tools.jackson.databind.JsonNode;

/**
 * What applicants, window clerks and reviewers do, through the gateway only, with tokens of the demo users from the
 * real Keycloak. One instance per platform.
 */
final class Portal {

    static final String PASSWORD = "runonce";
    static final String APPLICATIONS = "/api/intake/applications";
    static final String CASES = "/api/approval/cases/";

    /** The materials of the company start-up bundle (公司设立一件事), every one of them. */
    static final List<String> COMPANY_STARTUP_MATERIALS = List.of(
            "COMPANY_REGISTRATION_APPLICATION",
            "ARTICLES_OF_ASSOCIATION",
            "ID_CARD",
            "PREMISES_PROOF",
            "OFFICER_APPOINTMENTS",
            "SEAL_ENGRAVING_APPLICATION",
            "FINANCE_OFFICER_ID",
            "EMPLOYEE_LIST");

    static final byte[] PDF =
            "%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    final LocalPlatform platform;
    final Http gateway;

    Portal(LocalPlatform platform) {
        this.platform = platform;
        this.gateway = new Http(platform.gatewayUrl());
    }

    String token(String username) {
        return platform.keycloak().passwordToken(username, PASSWORD);
    }

    String subjectOf(String token) {
        return gateway.get("/api/intake/whoami", token)
                .json(200)
                .path("subject")
                .asString();
    }

    // ---- applicants and clerks ------------------------------------------------------------------------------------

    /**
     * A natural person applying with their own mail address. Online ({@code subject} null) the applicant is the
     * account's verified identity from the token (the demo users' realm attributes), so the body names nobody; at a
     * window the clerk names the person with {@code subject}, {@code name} and a valid resident identity number.
     */
    static Map<String, Object> person(String name, String email, String subject) {
        Map<String, Object> person = new LinkedHashMap<>();
        if (subject != null) {
            person.put("name", name);
        }
        person.put("type", "NATURAL_PERSON");
        if (subject != null) {
            person.put("idNumber", TestIds.residentId());
        }
        person.put("locale", "zh-CN");
        person.put("email", email);
        if (subject != null) {
            person.put("subject", subject);
        }
        return person;
    }

    /** How the window clerk checked the applicant's identity: the identity card in the reader. */
    static Map<String, Object> idCardRead() {
        return Map.of("method", "ID_CARD_READER");
    }

    static Map<String, Object> companyStartupForm() {
        return Map.of(
                "companyName", "杭州一次科技有限公司",
                "registeredCapitalYuan", 1000000,
                "businessScope", "软件开发；信息技术咨询服务",
                "registeredAddress", "杭州市西湖区文三路1号",
                "legalRepresentativeName", "张三",
                "sealCount", 2,
                "employeeCount", 5);
    }

    static String uniqueMailAddress(String user) {
        return user + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Uploads one PDF per material code; a clerk names the applicant the documents belong to. */
    List<Map<String, Object>> documents(String token, String onBehalfOf, List<String> codes) {
        List<Map<String, Object>> materials = new ArrayList<>();
        for (String code : codes) {
            Map<String, String> fields = onBehalfOf == null ? Map.of() : Map.of("onBehalfOf", onBehalfOf);
            JsonNode document = gateway.upload(
                            "/api/intake/documents", token, code.toLowerCase() + ".pdf", "application/pdf", PDF, fields)
                    .json(201);
            materials.add(Map.of("code", code, "documentId", document.path("id").asString()));
        }
        return materials;
    }

    /**
     * Submits once intake's catalog copy has the item: on a freshly started platform the catalog reaches intake over
     * Kafka a little after everything is ready, and until then intake refuses with 422 {@code item-not-available}.
     */
    JsonNode submitOnceTheCatalogArrived(String token, Map<String, Object> body) {
        Map<String, String> key = idempotencyKey();
        Http.Response[] answer = {null};
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    answer[0] = gateway.post(APPLICATIONS, token, body, key);
                    return !(answer[0].status() == 422 && answer[0].body().contains("item-not-available"));
                });
        return answer[0].json(201);
    }

    JsonNode supplement(String token, String number, List<Map<String, Object>> materials) {
        return gateway.post(
                        APPLICATIONS + "/" + number + "/supplements",
                        token,
                        Map.of("materials", materials),
                        idempotencyKey())
                .json(200);
    }

    JsonNode application(String token, String number) {
        return gateway.get(APPLICATIONS + "/" + number, token).json(200);
    }

    /** Waits until the application's view satisfies {@code condition} and returns that view. */
    JsonNode awaitApplication(String token, String number, Predicate<JsonNode> condition, Duration atMost) {
        JsonNode[] seen = {null};
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            seen[0] = application(token, number);
            assertThat(condition.test(seen[0]))
                    .as("application %s: %s", number, seen[0])
                    .isTrue();
        });
        return seen[0];
    }

    // ---- back offices ----------------------------------------------------------------------------------------------

    /** A department system's token (client credentials; the demo secret is {@code <client>-secret}). */
    String systemToken(String client) {
        return platform.keycloak().clientCredentialsToken(client, client + "-secret");
    }

    /** Subscribes {@code receiver} to {@code eventTypes} as the department system {@code client}; returns the id. */
    String subscribe(String client, WebhookReceiver receiver, String eventTypes) {
        return gateway.post(
                        "/api/notifications/subscriptions",
                        systemToken(client),
                        Map.of(
                                "callbackUrl", receiver.callbackUrl(),
                                "eventTypes", List.of(eventTypes),
                                "secret", receiver.secret()))
                .json(201)
                .path("id")
                .asString();
    }

    void unsubscribe(String client, String subscription) {
        gateway.delete("/api/notifications/subscriptions/" + subscription, systemToken(client));
    }

    static String reviewerOf(String department) {
        return "reviewer." + department.toLowerCase();
    }

    JsonNode caseOf(String token, String caseNumber) {
        return gateway.get(CASES + caseNumber, token).json(200);
    }

    /**
     * Takes a case through its procedure steps as its department's reviewer would (start review, advance to the
     * decision step) and approves it with {@code approval} as the body; returns the approved case.
     */
    JsonNode approve(String token, String caseNumber, Map<String, Object> approval) {
        for (int step = 0; step < 10; step++) {
            JsonNode current = caseOf(token, caseNumber);
            List<String> actions = new ArrayList<>();
            current.path("actions").forEach(a -> actions.add(a.asString()));
            if (actions.contains("approve")) {
                JsonNode approved = gateway.post(CASES + caseNumber + "/approve", token, approval)
                        .json(200);
                assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
                return approved;
            }
            String next = actions.contains("start-review") ? "start-review" : "advance";
            assertThat(actions).as("actions of %s: %s", caseNumber, current).contains(next);
            gateway.post(CASES + caseNumber + "/" + next, token, null).json(200);
        }
        throw new AssertionError("Case " + caseNumber + " did not reach its decision step");
    }

    // ---- mail --------------------------------------------------------------------------------------------------

    /** A mail received: its subject and its {@code Message-ID} (the same for every re-send of one notice). */
    record Mail(String subject, String messageId) {}

    /** The mails received for {@code address}, oldest first. */
    List<Mail> mailsTo(String address) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : platform.smtp().receivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equals(address)) {
                    mails.add(new Mail(message.getSubject(), message.getMessageID()));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    /** Subjects of the mails received for {@code address}, oldest first. */
    List<String> mailSubjectsTo(String address) {
        return mailsTo(address).stream().map(Mail::subject).toList();
    }

    /** The notice ({@code count} of them) reached the inbox (through the gateway) and, by title, the mailbox. */
    void awaitNotice(String applicant, String email, String number, String template, int count) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<String> titles = new ArrayList<>();
                    gateway.get("/api/notifications/inbox?limit=500", applicant)
                            .json(200)
                            .forEach(n -> {
                                if (number.equals(n.path("applicationNumber").asString())
                                        && template.equals(n.path("template").asString())) {
                                    titles.add(n.path("title").asString());
                                }
                            });
                    assertThat(titles)
                            .as("%s in the inbox for %s", template, number)
                            .hasSize(count);
                    assertThat(mailSubjectsTo(email)).as("mails to %s", email).containsAll(titles);
                });
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    static Map<String, String> idempotencyKey() {
        return Map.of("Idempotency-Key", UUID.randomUUID().toString());
    }
}
