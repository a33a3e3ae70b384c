package org.runonce.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.runonce.catalog.CatalogApiIT.PROBLEMS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.Topics;
import org.runonce.contracts.catalog.CrossRegionListPublished;
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cross-region lists (通办清单) on real PostgreSQL and Kafka: the demo's lists and the calendars of its second city and
 * second province, public reads, an administrator's list validated as a whole (nothing changed when refused),
 * conditional changes, the event on Kafka against its schema, and nobody else writing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithLocalInfrastructure
class CrossRegionIT {

    static final String LISTS = "/api/catalog/cross-region-lists";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    static RequestPostProcessor admin() {
        return jwt().jwt(t -> t.subject("li.guanli").claim("preferred_username", "li.guanli"))
                .authorities(new SimpleGrantedAuthority("ROLE_catalog-admin"));
    }

    static RequestPostProcessor applicant() {
        return jwt().jwt(t -> t.subject("zhang.san").claim("preferred_username", "zhang.san"))
                .authorities(new SimpleGrantedAuthority("ROLE_applicant"));
    }

    @Test
    void theDemoListsAndTheCalendarsOfTheOtherRegionsArePublic() throws Exception {
        mvc.perform(get(LISTS + "/330100"))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.acceptingRegion").value("330100"))
                .andExpect(jsonPath("$.entries[*].itemCode")
                        .value(containsInAnyOrder("js-medical-insurance-transfer", "nb-unemployment-registration")))
                .andExpect(jsonPath("$.entries[?(@.itemCode == 'nb-unemployment-registration')].homeRegions[0]")
                        .value("330200"))
                .andExpect(jsonPath("$.changedBy").value("demo-data"));
        mvc.perform(get(LISTS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].acceptingRegion", hasItem("320000")));
        mvc.perform(get(LISTS + "/330000")).andExpect(status().isNotFound());
        // a township service point accepts for its county's department the same way
        mvc.perform(get(LISTS + "/330106013"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].itemCode").value("xh-elderly-allowance"))
                .andExpect(jsonPath("$.entries[0].homeRegions[0]").value("330106"));
        mvc.perform(get("/api/catalog/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/catalog/cross-region-lists/{region}'].put.requestBody")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.CrossRegionEntry.properties.itemCode.example")
                        .value("nb-unemployment-registration"));

        // the second city and the second province keep their own calendars: from Friday 20 November 2026, the
        // third working day is Wednesday 25th in the province (330000), Friday 27th in Ningbo (23rd and 24th are
        // rest days there); the fifth is the 27th in Zhejiang, the 26th in Jiangsu (Saturday 21st worked, 27th off)
        mvc.perform(get("/api/catalog/calendars/330200/2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holidays", hasItem("2026-11-23")));
        mvc.perform(get("/api/catalog/calendars/330000/working-days")
                        .param("from", "2026-11-20")
                        .param("days", "3"))
                .andExpect(jsonPath("$.date").value("2026-11-25"));
        mvc.perform(get("/api/catalog/calendars/330200/working-days")
                        .param("from", "2026-11-20")
                        .param("days", "3"))
                .andExpect(jsonPath("$.date").value("2026-11-27"));
        mvc.perform(get("/api/catalog/calendars/330000/working-days")
                        .param("from", "2026-11-20")
                        .param("days", "5"))
                .andExpect(jsonPath("$.date").value("2026-11-27"));
        mvc.perform(get("/api/catalog/calendars/320000/working-days")
                        .param("from", "2026-11-20")
                        .param("days", "5"))
                .andExpect(jsonPath("$.date").value("2026-11-26"));
        // the departments there
        mvc.perform(get("/api/catalog/departments/NBHRSS"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionCode").value("330200"));
        mvc.perform(get("/api/catalog/departments/JSHSA"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionCode").value("320000"));
    }

    @Test
    void anAdministratorPublishesAListValidatedAsAWholeAndAnnouncedOnKafka() throws Exception {
        // a township of the test's own (nine digits): a township service point accepts for others the same way
        String region = "3399" + (10000 + ThreadLocalRandom.current().nextInt(90000));
        String path = LISTS + "/" + region;

        // every invalid field at once, nothing stored
        mvc.perform(put(path)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"entries": [
                                  {"itemCode": "no-such-item", "homeRegions": ["330200"]},
                                  {"itemCode": "nb-unemployment-registration", "homeRegions": ["330000", "33"]},
                                  {"itemCode": "js-medical-insurance-transfer", "homeRegions": []},
                                  {"itemCode": "js-medical-insurance-transfer", "homeRegions": ["320000"]}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation-failed"))
                .andExpect(jsonPath("$.errors[*].code")
                        .value(containsInAnyOrder(
                                "UNKNOWN_ITEM", "NOT_HANDLED_THERE", "INVALID_REGION", "REQUIRED", "DUPLICATE")))
                .andExpect(jsonPath("$.errors[?(@.code == 'NOT_HANDLED_THERE')].field")
                        .value("entries[1].homeRegions[0]"));
        mvc.perform(put(LISTS + "/3301")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entries\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_REGION"));
        mvc.perform(put(LISTS + "/330200")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entries\": [{\"itemCode\": \"nb-unemployment-registration\","
                                + " \"homeRegions\": [\"330200\"]}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("SAME_REGION"));
        mvc.perform(get(path)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from cross_region_list where accepting_region = ?")
                        .param(region)
                        .query(Long.class)
                        .single())
                .isZero();

        // nobody but a catalog administrator writes
        String valid =
                "{\"entries\": [{\"itemCode\": \"nb-unemployment-registration\", \"homeRegions\": [\"330200\"]}]}";
        mvc.perform(put(path)
                        .with(applicant())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(valid))
                .andExpect(status().isForbidden());
        mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON).content(valid))
                .andExpect(status().isUnauthorized());

        String etag = mvc.perform(put(path)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(valid))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.changedBy").value("li.guanli"))
                .andReturn()
                .getResponse()
                .getHeader("ETag");

        // a change of an existing list is conditional
        String both = """
                {"entries": [{"itemCode": "nb-unemployment-registration", "homeRegions": ["330200"]},
                 {"itemCode": "js-medical-insurance-transfer", "homeRegions": ["320000"]}]}""";
        mvc.perform(put(path)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(both))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(put(path)
                        .with(admin())
                        .header("If-Match", "\"stale\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(both))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(put(path)
                        .with(admin())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(both))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.entries", hasSize(2)))
                .andExpect(jsonPath("$.entries[0].itemCode").value("js-medical-insurance-transfer"));

        // both revisions announced, keyed by the accepting region, valid against the contract's schema
        List<CrossRegionListPublished> announced = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.CATALOG));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (region.equals(record.key())) {
                        String body = new String(record.value(), StandardCharsets.UTF_8);
                        assertThat(EventSchemas.violations(EventSchemas.schemaOf(CrossRegionListPublished.TYPE), body))
                                .as(body)
                                .isEmpty();
                        JsonNode event = json.readTree(body);
                        assertThat(event.get("type").asString()).isEqualTo(CrossRegionListPublished.TYPE);
                        announced.add(json.treeToValue(event.get("data"), CrossRegionListPublished.class));
                    }
                });
                return announced.size() >= 2;
            });
        }
        assertThat(announced).extracting(CrossRegionListPublished::revision).containsExactly(1, 2);
        assertThat(announced.get(1).entries())
                .containsExactly(
                        new CrossRegionListPublished.Entry("js-medical-insurance-transfer", List.of("320000")),
                        new CrossRegionListPublished.Entry("nb-unemployment-registration", List.of("330200")));
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "catalog-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
    }
}
