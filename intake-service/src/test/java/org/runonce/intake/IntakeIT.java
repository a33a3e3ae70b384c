package org.runonce.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.TestIds;
import org.runonce.contracts.Topics;
import org.runonce.contracts.approval.CertificateIssued;
import org.runonce.contracts.approval.Holder;
import org.runonce.contracts.catalog.Name;
import org.runonce.localstack.LocalInfrastructure;
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.runonce.starter.testing.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake service on real PostgreSQL and Kafka (local stack), with its catalog copy built from the demo catalog's
 * events on Kafka, e-certificates verified against a JWK Set served by {@link CertificateAuthority}, and a clock
 * tests move. Every IT extends it, so they share one Spring context.
 */
@SpringBootTest(
        properties = {
            "runonce.intake.documents.max-size=1MB",
            "runonce.intake.documents.daily-uploads=60",
            "runonce.intake.pledge.check-interval=1h",
            "runonce.events.resubmit-interval=2s",
            "runonce.events.resubmit-older-than=2s"
        })
@AutoConfigureMockMvc
@WithLocalInfrastructure
@Import(TestClockConfiguration.class)
public abstract class IntakeIT {

    @DynamicPropertySource
    static void certificateKeys(DynamicPropertyRegistry registry) {
        registry.add("runonce.intake.certificates.jwks-uri", CertificateAuthority::jwksUri);
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected Clock clock;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    protected MovableClock clock() {
        return (MovableClock) clock;
    }

    @BeforeEach
    void catalogCopy() {
        CatalogLoader.ensureLoaded(bootstrapServers, jdbc);
        clock().set("2026-11-20T10:00");
    }

    // ---- callers ------------------------------------------------------------------------------------------------

    /** An applicant's account without a verified identity (实名认证 not done): it may upload and read, not apply. */
    protected static RequestPostProcessor applicant(String subject) {
        return jwt().jwt(t -> t.subject(subject).claim("preferred_username", subject))
                .authorities(new SimpleGrantedAuthority("ROLE_applicant"));
    }

    /**
     * An applicant's account whose identity the identity provider verified as {@code who} ({@link #person} or
     * {@link #company}): a person's own name and number, or for a company a verified legal representative whose
     * token lists the company in {@code legal_entities}, as Keycloak's protocol mappers put them into the token.
     */
    protected static RequestPostProcessor applicant(String subject, Map<String, Object> who) {
        boolean person = "NATURAL_PERSON".equals(who.get("type"));
        return jwt().jwt(t -> {
                    t.subject(subject)
                            .claim("preferred_username", subject)
                            .claim("id_type", "RESIDENT_ID")
                            .claim("id_number", person ? who.get("idNumber") : TestIds.residentId())
                            .claim("verified_name", person ? who.get("name") : "法定代表人");
                    if (!person) {
                        t.claim(
                                "legal_entities",
                                List.of(who.get("idNumber") + "|" + who.get("name") + "|LEGAL_REPRESENTATIVE"));
                    }
                })
                .authorities(new SimpleGrantedAuthority("ROLE_applicant"));
    }

    /** How a window clerk checked the applicant's identity: with the ID card reader. */
    protected static Map<String, Object> idCardRead() {
        return Map.of("method", "ID_CARD_READER");
    }

    protected static RequestPostProcessor clerk(String subject) {
        return jwt().jwt(t -> t.subject(subject).claim("preferred_username", subject))
                .authorities(new SimpleGrantedAuthority("ROLE_window-clerk"));
    }

    protected static RequestPostProcessor reviewer(String subject, String department) {
        return jwt().jwt(t ->
                        t.subject(subject).claim("preferred_username", subject).claim("department", department))
                .authorities(new SimpleGrantedAuthority("ROLE_reviewer"));
    }

    /** A department's own software, with client credentials scoped to its department. */
    protected static RequestPostProcessor departmentSystem(String department) {
        String account = "service-account-" + department.toLowerCase() + "-system";
        return jwt().jwt(t ->
                        t.subject(account).claim("preferred_username", account).claim("department", department))
                .authorities(new SimpleGrantedAuthority("ROLE_department-system"));
    }

    protected static RequestPostProcessor supervisor() {
        return jwt().jwt(t -> t.subject("supervisor-1").claim("preferred_username", "zhou.jian"))
                .authorities(new SimpleGrantedAuthority("ROLE_supervisor"));
    }

    protected static String newSubject() {
        return "user-" + UUID.randomUUID();
    }

    // ---- documents ----------------------------------------------------------------------------------------------

    protected static final byte[] PDF =
            ("%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <<>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    protected static final byte[] PNG = {
        (byte) 0x89,
        'P',
        'N',
        'G',
        0x0D,
        0x0A,
        0x1A,
        0x0A,
        0,
        0,
        0,
        13,
        'I',
        'H',
        'D',
        'R',
        0,
        0,
        0,
        0,
        'I',
        'E',
        'N',
        'D',
        (byte) 0xAE,
        0x42,
        0x60,
        (byte) 0x82
    };

    /** A truncated PDF: right magic bytes, no end marker. */
    protected static final byte[] TRUNCATED_PDF = Arrays.copyOf(PDF, 20);

    protected String upload(RequestPostProcessor who, byte[] bytes, String contentType) throws Exception {
        String body = mvc.perform(multipart("/api/intake/documents")
                        .file(new MockMultipartFile("file", "material.pdf", contentType, bytes))
                        .with(who))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    protected String uploadPdf(RequestPostProcessor who) throws Exception {
        return upload(who, PDF, "application/pdf");
    }

    /** {"code": id, ...} for each material code, each a freshly uploaded PDF. */
    protected List<Map<String, Object>> documents(RequestPostProcessor who, String... codes) throws Exception {
        List<Map<String, Object>> materials = new ArrayList<>();
        for (String code : codes) {
            materials.add(Map.of("code", code, "documentId", uploadPdf(who)));
        }
        return materials;
    }

    // ---- applications -------------------------------------------------------------------------------------------

    protected static Map<String, Object> person(String name) {
        return new LinkedHashMap<>(Map.of(
                "name",
                name,
                "type",
                "NATURAL_PERSON",
                "idNumber",
                TestIds.residentId(),
                "locale",
                "zh-CN",
                "email",
                "applicant@example.cn"));
    }

    protected static Map<String, Object> company(String name) {
        return new LinkedHashMap<>(
                Map.of("name", name, "type", "LEGAL_ENTITY", "idNumber", TestIds.creditCode(), "locale", "en"));
    }

    /** A company start-up accepted at once (online, or filed by a clerk). */
    protected String acceptedCompanyStartup(RequestPostProcessor applicant, RequestPostProcessor filer)
            throws Exception {
        Map<String, Object> person = person("张三");
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of(
                "bundleCode",
                "company-startup",
                "applicant",
                person,
                "form",
                companyStartupForm(),
                "materials",
                documents(
                        filer,
                        "COMPANY_REGISTRATION_APPLICATION",
                        "ARTICLES_OF_ASSOCIATION",
                        "ID_CARD",
                        "PREMISES_PROOF",
                        "OFFICER_APPOINTMENTS",
                        "SEAL_ENGRAVING_APPLICATION",
                        "FINANCE_OFFICER_ID",
                        "EMPLOYEE_LIST")));
        if (filer != applicant) {
            // a clerk files for an applicant with an account, whose identity card they read: the applicant follows it
            // online
            String subject = subjectOf(applicant);
            person.put("subject", subject);
            body.put("identityCheck", idCardRead());
        } else {
            // online the account's verified identity is the applicant: the body need not repeat it
            person.remove("name");
            person.remove("idNumber");
        }
        JsonNode accepted = submit(filer, body, 201);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        return accepted.get("number").asString();
    }

    protected String subjectOf(RequestPostProcessor applicant) throws Exception {
        return getJson(applicant, "/api/intake/whoami", 200).get("subject").asString();
    }

    protected static Map<String, Object> companyStartupForm() {
        return Map.of(
                "companyName", "杭州一次科技有限公司",
                "registeredCapitalYuan", 1000000,
                "businessScope", "软件开发；信息技术咨询服务",
                "registeredAddress", "杭州市西湖区文三路1号",
                "legalRepresentativeName", "张三",
                "sealCount", 2,
                "employeeCount", 5);
    }

    protected JsonNode submit(RequestPostProcessor who, Map<String, Object> body, int expectedStatus) throws Exception {
        String response = mvc.perform(post("/api/intake/applications")
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().is(expectedStatus))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response);
    }

    protected JsonNode postJson(RequestPostProcessor who, String path, Object body, int expectedStatus)
            throws Exception {
        return sendJson(HttpMethod.POST, who, path, body, expectedStatus);
    }

    protected JsonNode putJson(RequestPostProcessor who, String path, Object body, int expectedStatus)
            throws Exception {
        return sendJson(HttpMethod.PUT, who, path, body, expectedStatus);
    }

    private JsonNode sendJson(HttpMethod method, RequestPostProcessor who, String path, Object body, int expectedStatus)
            throws Exception {
        String response = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(method, path)
                                .with(who)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(body)))
                .andExpect(status().is(expectedStatus))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response);
    }

    protected JsonNode getJson(RequestPostProcessor who, String path, int expectedStatus) throws Exception {
        String response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .with(who))
                .andExpect(status().is(expectedStatus))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response);
    }

    // ---- events -------------------------------------------------------------------------------------------------

    /** The intake events published for an application, waiting until {@code type} is among them. */
    protected List<String> awaitEvents(String applicationNumber, String type) {
        List<String> bodies = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "intake-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.INTAKE));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (applicationNumber.equals(record.key())) {
                        bodies.add(new String(record.value(), StandardCharsets.UTF_8));
                    }
                }
                return bodies.stream()
                        .anyMatch(b -> json.readTree(b).get("type").asString().equals(type));
            });
        }
        return bodies;
    }

    /** Sends the event as approval would, after checking it against approval's schema. */
    protected void publishAsApproval(CloudEvent<?> event) throws Exception {
        String body = json.writeValueAsString(event);
        assertThat(EventSchemas.violations(EventSchemas.schemaOf(event.type()), body))
                .as(body)
                .isEmpty();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.APPROVAL, event.subject(), body.getBytes()))
                    .get();
        }
    }

    /** When {@link #licenceInWallet} says approval issued the licence. */
    protected static final Instant LICENCE_ISSUED_AT = Instant.parse("2026-03-02T02:00:00Z");

    /**
     * A business licence approval issued to {@code holderSubject} for {@code companyName} (credit or ID number
     * {@code idNumber}) on an application, as intake learns of it: approval's {@code certificate.issued} event,
     * awaited into intake's copy (the wallet). Returns the signed licence.
     */
    protected String licenceInWallet(
            String number, String holderSubject, String companyName, String idNumber, String applicationNumber)
            throws Exception {
        String licence = CertificateAuthority.platform()
                .issue(number, "BUSINESS_LICENCE", "samr-company-registration", companyName, idNumber, null);
        LocalInfrastructure.kafka().createTopic(Topics.APPROVAL, 1);
        Instant issuedAt = LICENCE_ISSUED_AT;
        String caseNumber = applicationNumber + "-01";
        publishAsApproval(CloudEvent.of(
                        UUID.randomUUID().toString(),
                        "/runonce/approval",
                        CertificateIssued.TYPE,
                        issuedAt,
                        caseNumber,
                        new CertificateIssued(
                                number,
                                "BUSINESS_LICENCE",
                                new Name("营业执照", "Business licence"),
                                applicationNumber,
                                caseNumber,
                                "samr-company-registration",
                                "SAMR",
                                new Holder(holderSubject, companyName, idNumber),
                                Map.of("companyName", companyName),
                                issuedAt,
                                null,
                                "platform",
                                licence))
                .inDepartment("SAMR"));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from issued_certificate where certificate_number = ?")
                                .param(number)
                                .query(Long.class)
                                .single()
                        == 1);
        return licence;
    }
}
