package org.runonce.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.runonce.approval.cases.OpenCases;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.catalog.CalendarPublished;
import org.runonce.contracts.catalog.DepartmentChanged;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.catalog.ItemVersionPublished.Material;
import org.runonce.contracts.catalog.ItemVersionPublished.Step;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.MaterialReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalog approval's tests need (as the catalog announces it) and accepted applications (as intake does). */
public final class Fixtures {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final Instant PUBLISHED = Instant.parse("2025-12-01T00:00:00Z");

    public static final String LICENCE = "samr-company-registration";
    public static final String SEAL = "psb-seal-engraving";
    public static final String TAX = "tax-new-taxpayer-setup";
    public static final String SOCIAL = "hrss-employer-social-insurance-registration";
    public static final String MEDICAL = "hsa-employer-medical-insurance-registration";
    public static final String FOOD = "samr-food-business-licence";
    public static final String INDIVIDUAL = "samr-individual-business-registration";

    private Fixtures() {}

    public static Step step(String code, String zh, String en, String... special) {
        return new Step(code, new Name(zh, en), null, List.of(special));
    }

    public static final List<Step> FULL = List.of(
            step("ACCEPT", "受理", "Acceptance"),
            step("REVIEW", "审查", "Review"),
            step("DECIDE", "决定", "Decision"),
            step("ISSUE", "制证", "Issuing"));

    public static final List<Step> SHORT =
            List.of(step("ACCEPT", "受理", "Acceptance"), step("DECIDE", "决定", "Decision"));

    public static Material material(String code, String satisfiedBy) {
        return new Material(
                code, new Name(code, code), true, satisfiedBy == null, "ELECTRONIC", null, null, satisfiedBy, null);
    }

    public static ItemVersionPublished item(
            String code,
            String department,
            String mode,
            int promised,
            List<Step> steps,
            List<Material> materials,
            String certificateType,
            String zh,
            String en) {
        return new ItemVersionPublished(
                code,
                1,
                LocalDate.parse("2026-01-01"),
                null,
                PUBLISHED,
                "LICENCE",
                department,
                new Name(zh, en),
                List.of("《测试法》第一条"),
                List.of("符合条件"),
                steps,
                materials,
                new ItemVersionPublished.Fees(true, List.of()),
                new ItemVersionPublished.TimeLimits(promised * 2 + 1, promised),
                mode,
                "IMMEDIATE".equals(mode) ? 1 : 0,
                certificateType == null
                        ? null
                        : new ItemVersionPublished.Result(
                                certificateType, new Name(zh + "证", en + " certificate"), true),
                List.of("ELECTRONIC"),
                List.of(),
                List.of(new ItemVersionPublished.Channel("PHONE", "12345", null)),
                null);
    }

    /** Items of the company start-up bundle, a food licence with a site inspection, an IMMEDIATE item. */
    public static List<ItemVersionPublished> items() {
        return List.of(
                item(
                        LICENCE,
                        "SAMR",
                        "ZERO_VISIT",
                        1,
                        FULL,
                        List.of(material("COMPANY_REGISTRATION_APPLICATION", null)),
                        "BUSINESS_LICENCE",
                        "公司设立登记",
                        "Company establishment registration"),
                item(
                        SEAL,
                        "PSB",
                        "ZERO_VISIT",
                        1,
                        FULL,
                        List.of(material("SEAL_APPLICATION", null), material("BUSINESS_LICENCE", LICENCE)),
                        "SEAL_FILING_RECEIPT",
                        "公章刻制备案",
                        "Seal engraving filing"),
                item(
                        TAX,
                        "TAX",
                        "ZERO_VISIT",
                        1,
                        SHORT,
                        List.of(material("BUSINESS_LICENCE", LICENCE)),
                        "TAX_SETUP_NOTICE",
                        "新办纳税人套餐",
                        "New taxpayer set-up"),
                item(
                        SOCIAL,
                        "HRSS",
                        "ZERO_VISIT",
                        1,
                        SHORT,
                        List.of(material("BUSINESS_LICENCE", LICENCE)),
                        "SOCIAL_INSURANCE_REGISTRATION",
                        "单位社会保险登记",
                        "Employer social insurance registration"),
                item(
                        MEDICAL,
                        "HSA",
                        "ZERO_VISIT",
                        1,
                        SHORT,
                        List.of(material("BUSINESS_LICENCE_COPY", LICENCE)),
                        "MEDICAL_INSURANCE_REGISTRATION",
                        "单位医保登记",
                        "Employer medical insurance registration"),
                item(
                        FOOD,
                        "SAMR",
                        "RUN_ONCE",
                        5,
                        List.of(
                                step("ACCEPT", "受理", "Acceptance"),
                                step("REVIEW", "审查", "Review", "SITE_INSPECTION"),
                                step("DECIDE", "决定", "Decision"),
                                step("ISSUE", "制证", "Issuing")),
                        List.of(material("FOOD_SAFETY_PLAN", null)),
                        "FOOD_BUSINESS_LICENCE",
                        "食品经营许可",
                        "Food business licence"),
                item(
                        INDIVIDUAL,
                        "SAMR",
                        "IMMEDIATE",
                        0,
                        SHORT,
                        List.of(material("ID_CARD", null)),
                        "BUSINESS_LICENCE",
                        "个体工商户登记",
                        "Individual business registration"));
    }

    /** Region 330000's calendar for 2026 (State Council schedule). */
    public static CalendarPublished calendar2026() {
        List<LocalDate> holidays = new ArrayList<>();
        for (String[] r : new String[][] {
            {"2026-01-01", "2026-01-03"}, {"2026-02-15", "2026-02-23"}, {"2026-04-04", "2026-04-06"},
            {"2026-05-01", "2026-05-05"}, {"2026-06-19", "2026-06-21"}, {"2026-09-25", "2026-09-27"},
            {"2026-10-01", "2026-10-07"}
        }) {
            for (LocalDate d = LocalDate.parse(r[0]); !d.isAfter(LocalDate.parse(r[1])); d = d.plusDays(1)) {
                holidays.add(d);
            }
        }
        List<LocalDate> makeUp =
                List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10").stream()
                        .map(LocalDate::parse)
                        .toList();
        return new CalendarPublished("330000", 2026, 1, false, holidays, makeUp, List.of(), PUBLISHED);
    }

    public static List<CloudEvent<Object>> catalogEvents() {
        List<CloudEvent<Object>> events = new ArrayList<>();
        for (String code : List.of("SAMR", "PSB", "TAX", "HRSS", "HSA")) {
            events.add(CloudEvent.<Object>of(
                            UUID.randomUUID().toString(),
                            "/runonce/catalog",
                            DepartmentChanged.TYPE,
                            PUBLISHED,
                            code,
                            new DepartmentChanged(code, 1, new Name(code, code), "330000", null, PUBLISHED))
                    .inDepartment(code));
        }
        events.add(CloudEvent.<Object>of(
                UUID.randomUUID().toString(),
                "/runonce/catalog",
                CalendarPublished.TYPE,
                PUBLISHED,
                "330000",
                calendar2026()));
        for (var item : items()) {
            events.add(CloudEvent.<Object>of(
                            UUID.randomUUID().toString(),
                            "/runonce/catalog",
                            ItemVersionPublished.TYPE,
                            PUBLISHED,
                            item.itemCode(),
                            item)
                    .inDepartment(item.departmentCode()));
        }
        return events;
    }

    /** Applies the catalog through the consumer's own code path (without Kafka). */
    public static void loadCatalog(CatalogCopy copy) {
        for (var event : catalogEvents()) {
            copy.apply(event.withData(JSON.valueToTree(event.data())));
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** A new application number as intake makes them, {@code <region>-<year>-<sequence>}. */
    public static String newApplicationNumber() {
        return "330000-2026-%09d".formatted(SEQUENCE.incrementAndGet() % 1_000_000_000L);
    }

    public static org.runonce.contracts.intake.Applicant applicant() {
        return new org.runonce.contracts.intake.Applicant(
                "applicant-" + UUID.randomUUID(),
                "王小明",
                org.runonce.contracts.intake.Applicant.NATURAL_PERSON,
                "330102199001011234",
                "zh-CN",
                "wang@example.com",
                "13800000000");
    }

    public static MaterialReference document(String code) {
        return new MaterialReference(code, UUID.randomUUID().toString(), null, null);
    }

    public static MaterialReference producedBy(String code, String caseNumber) {
        return new MaterialReference(code, null, null, caseNumber);
    }

    public static ApplicationAccepted.Case caseOf(
            String number, String item, String department, List<String> dependsOn, List<MaterialReference> materials) {
        return new ApplicationAccepted.Case(number, item, 1, department, dependsOn, 1, materials);
    }

    /**
     * Intake's {@code ApplicationAccepted} of the company start-up bundle: the licence (SAMR) first, then seal (PSB),
     * tax (TAX), social insurance (HRSS) and medical insurance (HSA) each depending on it; the medical insurance case
     * needs the licence but lists no material for it.
     */
    public static CloudEvent<ApplicationAccepted> companyStartupAccepted(String app, Instant acceptedAt) {
        String licence = app + "-01";
        var data = new ApplicationAccepted(
                app,
                "company-startup",
                applicant(),
                "ONLINE",
                "330000",
                null,
                acceptedAt,
                2,
                LocalDate.parse("2026-09-24"),
                false,
                null,
                List.of(),
                Map.of("companyName", "杭州一次办科技有限公司"),
                List.of(
                        caseOf(
                                licence,
                                LICENCE,
                                "SAMR",
                                List.of(),
                                List.of(document("COMPANY_REGISTRATION_APPLICATION"))),
                        caseOf(
                                app + "-02",
                                SEAL,
                                "PSB",
                                List.of(licence),
                                List.of(document("SEAL_APPLICATION"), producedBy("BUSINESS_LICENCE", licence))),
                        caseOf(
                                app + "-03",
                                TAX,
                                "TAX",
                                List.of(licence),
                                List.of(producedBy("BUSINESS_LICENCE", licence))),
                        caseOf(
                                app + "-04",
                                SOCIAL,
                                "HRSS",
                                List.of(licence),
                                List.of(producedBy("BUSINESS_LICENCE", licence))),
                        caseOf(app + "-05", MEDICAL, "HSA", List.of(licence), List.of())));
        return intakeEvent(ApplicationAccepted.TYPE, app, data);
    }

    /** An intake event as intake's outbox sends it. */
    public static <T> CloudEvent<T> intakeEvent(String type, String applicationNumber, T data) {
        return CloudEvent.of(
                UUID.randomUUID().toString(), "/runonce/intake", type, Instant.now(), applicationNumber, data);
    }

    /**
     * A single-case application opened directly (the intake consumer maps to the same command): a food business
     * licence case carries the department and the promised days intake decided (5 for the food licence).
     */
    public static OpenCases single(String app, String item, String department, Instant acceptedAt) {
        return single(app, item, department, acceptedAt, FOOD.equals(item) ? 5 : 1);
    }

    /** A single-case application whose acceptance promises {@code promisedDays}. */
    public static OpenCases single(String app, String item, String department, Instant acceptedAt, int promisedDays) {
        return new OpenCases(
                app,
                null,
                new org.runonce.contracts.intake.Applicant(
                        "applicant-1", "李小红", "NATURAL_PERSON", "330102199202023456", "zh-CN", null, null),
                "330000",
                acceptedAt,
                List.of(new ApplicationAccepted.Case(
                        app + "-01",
                        item,
                        1,
                        department,
                        List.of(),
                        promisedDays,
                        List.of(new MaterialReference(
                                "FOOD_SAFETY_PLAN", UUID.randomUUID().toString(), null, null)))));
    }

    /** Sends CloudEvents to a topic, keyed by subject, as the services' outbox does. */
    public static void send(String bootstrapServers, String topic, List<? extends CloudEvent<?>> events) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (var producer = new KafkaProducer<String, byte[]>(props)) {
            for (var event : events) {
                var record = new ProducerRecord<>(topic, event.subject(), JSON.writeValueAsBytes(event));
                record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes());
                producer.send(record);
            }
            producer.flush();
        }
    }

    public static Set<String> set(String... values) {
        return new HashSet<>(List.of(values));
    }

    public static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }
}
