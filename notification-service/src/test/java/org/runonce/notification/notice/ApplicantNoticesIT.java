package org.runonce.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.Topics;
import org.runonce.contracts.approval.CertificateIssued;
import org.runonce.contracts.approval.ComplainantNotice;
import org.runonce.contracts.approval.ComplaintFiled;
import org.runonce.contracts.approval.ComplaintReplied;
import org.runonce.contracts.approval.Holder;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationSupplementRequested;
import org.runonce.localstack.LocalInfrastructure;
import org.runonce.notification.NotificationIT;
import org.runonce.notification.TestEvents;
import org.runonce.starter.personaldata.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applicant notices from events on Kafka, on real PostgreSQL and a real SMTP server (GreenMail): the applicant's
 * language, every channel, the inbox through the API, and never two notices for one event.
 */
@NotificationIT
class ApplicantNoticesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    NoticeSender sender;

    @Autowired
    PersonalDataCipher cipher;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    static RequestPostProcessor applicant(String subject) {
        return jwt().jwt(token -> token.subject(subject)).authorities(new SimpleGrantedAuthority("ROLE_applicant"));
    }

    @Test
    void acceptanceThenDecisionReachTheApplicantByMailSmsAndInboxInTheirLanguageOnceEach() throws Exception {
        String subject = UUID.randomUUID().toString();
        String number = "A-2026-" + UUID.randomUUID().toString().substring(0, 6);
        String email = "li.lei-" + number.toLowerCase() + "@example.com";
        try (TestEvents kafka = new TestEvents(bootstrapServers, json)) {
            var accepted = TestEvents.event(
                    "/runonce/intake",
                    ApplicationAccepted.TYPE,
                    number,
                    null,
                    Map.of(
                            "applicationNumber",
                            number,
                            "acceptedAt",
                            "2026-11-20T02:00:00Z",
                            "promisedCompletionDate",
                            "2026-12-04",
                            "withDeficiencies",
                            true,
                            "pledgeDate",
                            "2026-11-27",
                            "missingMaterials",
                            List.of(Map.of("code", "M3", "name", Map.of("zh", "住所证明", "en", "Proof of address"))),
                            "applicant",
                            Map.of(
                                    "subject", subject,
                                    "name", "Li Lei",
                                    "email", email,
                                    "phone", "13800138000",
                                    "locale", "en")));
            kafka.send(Topics.INTAKE, accepted);
            kafka.send(Topics.INTAKE, accepted); // redelivered by Kafka

            // the approval service's own records: no contact in them, the kept one is used
            String caseNumber = number + "-01";
            var decided = TestEvents.samrApproved(number);
            var issued = TestEvents.event(
                    "/runonce/approval",
                    CertificateIssued.TYPE,
                    caseNumber,
                    "SAMR",
                    new CertificateIssued(
                            "BL-" + number,
                            "BUSINESS_LICENCE",
                            new Name("营业执照", "Business licence"),
                            number,
                            caseNumber,
                            "samr-company-registration",
                            "SAMR",
                            new Holder(subject, "Li Lei Ltd", null),
                            Map.of(),
                            Instant.parse("2026-11-25T03:00:00Z"),
                            null,
                            "k1",
                            "eyJ.x.y"));
            // what the approval service publishes, by its contract
            assertThat(EventSchemas.violations(
                            "approval/case-decided.v1.schema.json", json.writeValueAsString(decided)))
                    .isEmpty();
            assertThat(EventSchemas.violations(
                            "approval/certificate-issued.v1.schema.json", json.writeValueAsString(issued)))
                    .isEmpty();
            kafka.send(Topics.APPROVAL, decided);
            kafka.send(Topics.APPROVAL, issued);

            await().atMost(Duration.ofSeconds(60)).until(() -> notices(number) == 9);
        }
        sender.sendPending();
        assertThat(jdbc.sql("select count(*) from notice where application_number = ? and state = 'SENT'")
                        .param(number)
                        .query(Integer.class)
                        .single())
                .isEqualTo(9);

        List<MimeMessage> mails =
                await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email), found -> found.size() >= 3);
        assertThat(mailsTo(email)).hasSize(3); // once each, although the acceptance was consumed twice
        // each mail carries its notice's id as Message-ID: a copy sent again after a crash is recognisably the same
        assertThat(mails.stream().map(ApplicantNoticesIT::messageIdOf))
                .containsExactlyInAnyOrderElementsOf(jdbc.sql("select '<' || id || '@notices.runonce.org>' from notice"
                                + " where application_number = ? and channel = 'EMAIL'")
                        .param(number)
                        .query(String.class)
                        .list());
        assertThat(mails.stream().map(ApplicantNoticesIT::subjectOf))
                .containsExactlyInAnyOrder(
                        "Your application " + number + " has been accepted",
                        "Case " + number + "-01 approved",
                        "E-certificate issued: Business licence");

        String inbox = mvc.perform(get("/api/notifications/inbox").with(applicant(subject)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[?(@.template == 'accepted')].body")
                        .value(org.hamcrest.Matchers.contains(
                                org.hamcrest.Matchers.containsString("accepted on 2026-11-20. Receipt number: " + number
                                        + ". Promised completion date: 2026-12-04.\nIt was accepted with deficiencies:"
                                        + " please supply by 2026-11-27: Proof of address."))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(inbox).get(0).get("id").asString();

        mvc.perform(get("/api/notifications/inbox")
                        .with(applicant(UUID.randomUUID().toString())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(post("/api/notifications/inbox/" + id + "/read")
                        .with(applicant(UUID.randomUUID().toString())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/notifications/inbox/" + id + "/read").with(applicant(subject)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readAt").exists());
    }

    @Test
    void aSignedInComplainantIsToldInTheInboxOfTheFilingAndTheReplyAnAnonymousOneIsNot() throws Exception {
        String subject = UUID.randomUUID().toString();
        var random = java.util.concurrent.ThreadLocalRandom.current();
        String signedIn = "TS-2026-%06d".formatted(random.nextInt(1_000_000));
        String anonymous = "TS-2026-%06d".formatted(random.nextInt(1_000_000));
        var due = java.time.LocalDate.of(2026, 10, 20);
        var filed = TestEvents.event(
                "/runonce/approval",
                ComplaintFiled.TYPE,
                signedIn,
                "SAMR",
                new ComplaintFiled(
                        signedIn, "DEPARTMENT", "SAMR", "ONLINE", false, "SAMR", 5, due, Instant.now(), subject));
        var replied = TestEvents.event(
                "/runonce/approval",
                ComplaintReplied.TYPE,
                signedIn,
                "SAMR",
                new ComplaintReplied(signedIn, "SAMR", "li.samr", Instant.now(), due, true, subject));
        var anonymousReplied = TestEvents.event(
                "/runonce/approval",
                ComplaintReplied.TYPE,
                anonymous,
                "SAMR",
                new ComplaintReplied(anonymous, "SAMR", "li.samr", Instant.now(), due, true, null));
        assertThat(EventSchemas.violations(
                        EventSchemas.schemaOf(ComplaintReplied.TYPE), json.writeValueAsString(replied)))
                .isEmpty();
        try (TestEvents kafka = new TestEvents(bootstrapServers, json)) {
            kafka.send(Topics.APPROVAL, filed);
            kafka.send(Topics.APPROVAL, anonymousReplied);
            kafka.send(Topics.APPROVAL, replied);
            kafka.send(Topics.APPROVAL, replied); // redelivered
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.sql("select count(*) from notice where applicant_subject = ?")
                                    .param(subject)
                                    .query(Integer.class)
                                    .single()
                            == 2);
        }
        mvc.perform(get("/api/notifications/inbox").with(applicant(subject)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath(
                        "$[*].template",
                        org.hamcrest.Matchers.containsInAnyOrder("complaint-received", "complaint-replied")))
                .andExpect(jsonPath("$[?(@.template == 'complaint-received')].title")
                        .value(org.hamcrest.Matchers.contains("投诉 " + signedIn + " 已受理")));
        assertThat(jdbc.sql("select count(*) from notice where body like ?")
                        .param("%" + anonymous + "%")
                        .query(Integer.class)
                        .single())
                .isZero();

        // the anonymous complainant is told at the contact they gave, by the event no department receives
        String email = "tousu-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var toAnonymous = CloudEvent.of(
                UUID.randomUUID().toString(),
                "/runonce/approval",
                ComplainantNotice.TYPE,
                Instant.now(),
                anonymous,
                new ComplainantNotice(
                        anonymous,
                        ComplainantNotice.REPLIED,
                        new ComplainantNotice.Complainant("匿名群众", "13900005678", email, "zh-CN"),
                        "SAMR",
                        due));
        assertThat(EventSchemas.violations(
                        EventSchemas.schemaOf(ComplainantNotice.TYPE), json.writeValueAsString(toAnonymous)))
                .isEmpty();
        try (TestEvents kafka = new TestEvents(bootstrapServers, json)) {
            kafka.send(Topics.APPROVAL, toAnonymous);
            kafka.send(Topics.APPROVAL, toAnonymous); // redelivered
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.sql("select count(*) from notice where event_id = ?")
                                    .param(toAnonymous.id())
                                    .query(Integer.class)
                                    .single()
                            == 2);
        }
        // the recipients are stored encrypted (notice.recipient)
        assertThat(jdbc.sql("select channel, recipient from notice where event_id = ? order by channel")
                        .param(toAnonymous.id())
                        .query((rs, n) -> rs.getString(1) + " " + cipher.decrypt(rs.getString(2)))
                        .list())
                .containsExactly("EMAIL " + email, "SMS 13900005678");
    }

    @Test
    void aChineseSpeakingApplicantWithoutAccountGetsAChineseOneTimeNoticeByMailOnly() {
        String number = "A-2026-" + UUID.randomUUID().toString().substring(0, 6);
        String email = "zhang-" + number.toLowerCase() + "@example.com";
        try (TestEvents kafka = new TestEvents(bootstrapServers, json)) {
            kafka.send(
                    Topics.INTAKE,
                    TestEvents.event(
                            "/runonce/intake",
                            ApplicationSupplementRequested.TYPE,
                            number,
                            null,
                            Map.of(
                                    "applicationNumber",
                                    number,
                                    "noticeNumber",
                                    "N-" + number,
                                    "deficiencies",
                                    List.of(
                                            Map.of(
                                                    "materialCode",
                                                    "M1",
                                                    "name",
                                                    Map.of("zh", "身份证明", "en", "ID"),
                                                    "reason",
                                                    "MISSING"),
                                            Map.of(
                                                    "materialCode",
                                                    "M2",
                                                    "name",
                                                    Map.of("zh", "住所证明", "en", "Lease"),
                                                    "reason",
                                                    "ILLEGIBLE")),
                                    "applicant",
                                    Map.of("name", "张三", "email", email, "locale", "zh-CN"))));
            await().atMost(Duration.ofSeconds(60)).until(() -> notices(number) == 1);
        }
        sender.sendPending();
        List<MimeMessage> mails =
                await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email), found -> !found.isEmpty());
        assertThat(subjectOf(mails.getFirst())).isEqualTo("申请 " + number + " 一次性告知：请补齐材料");
        assertThat(bodyOf(mails.getFirst())).contains("张三，您好").contains("身份证明；住所证明");
    }

    @Test
    void aPassedOnlinePreReviewTellsTheApplicantInTheInboxWhichOriginalsToBring() throws Exception {
        String subject = UUID.randomUUID().toString();
        String number = "330106-2026-"
                + "%06d"
                        .formatted(
                                java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
        var passed = TestEvents.event(
                "/runonce/intake",
                org.runonce.contracts.intake.ApplicationPreReviewPassed.TYPE,
                number,
                null,
                new org.runonce.contracts.intake.ApplicationPreReviewPassed(
                        number,
                        List.of(
                                new org.runonce.contracts.intake.ApplicationPreReviewPassed.Original(
                                        "ID_CARD",
                                        new org.runonce.contracts.catalog.Name("身份证", "ID card"),
                                        "ORIGINAL"),
                                new org.runonce.contracts.intake.ApplicationPreReviewPassed.Original(
                                        "TERMINATION_PROOF",
                                        new org.runonce.contracts.catalog.Name("解除劳动合同证明", "Termination proof"),
                                        "ORIGINAL")),
                        "请于工作日到窗口办理",
                        "clerk-xihu",
                        new org.runonce.contracts.intake.Applicant(
                                subject,
                                "王五",
                                "NATURAL_PERSON",
                                org.runonce.contracts.TestIds.residentId(),
                                "zh-CN",
                                null,
                                null),
                        Instant.now()));
        assertThat(EventSchemas.violations(
                        EventSchemas.schemaOf(org.runonce.contracts.intake.ApplicationPreReviewPassed.TYPE),
                        json.writeValueAsString(passed)))
                .isEmpty();
        try (TestEvents kafka = new TestEvents(bootstrapServers, json)) {
            kafka.send(Topics.INTAKE, passed);
            kafka.send(Topics.INTAKE, passed); // redelivered
            await().atMost(Duration.ofSeconds(60)).until(() -> notices(number) >= 1);
        }
        mvc.perform(get("/api/notifications/inbox").with(applicant(subject)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].template").value("pre-review-passed"))
                .andExpect(jsonPath("$[0].title").value("申请 " + number + " 网上预审已通过"))
                .andExpect(jsonPath("$[0].body").value(org.hamcrest.Matchers.containsString("身份证；解除劳动合同证明")));
    }

    private int notices(String number) {
        return jdbc.sql("select count(*) from notice where application_number = ?")
                .param(number)
                .query(Integer.class)
                .single();
    }

    private static List<MimeMessage> mailsTo(String address) {
        return LocalInfrastructure.smtp().receivedMessages().stream()
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bodyOf(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
