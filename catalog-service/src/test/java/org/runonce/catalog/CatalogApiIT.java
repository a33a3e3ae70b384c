package org.runonce.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The catalog's HTTP API on real PostgreSQL and Kafka (local stack), with the demo catalog loaded at startup:
 * draft, conditional edit, publication refused then accepted, cached guide with ETag and 304, roles. Other ITs of the
 * JVM add items and departments of their own (HallEntryIT), so the demo's are asserted present, not alone.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithLocalInfrastructure
class CatalogApiIT {

    static final String ITEMS = "/api/catalog/items";
    static final String PROBLEMS = "https://runonce.org/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.claim("preferred_username", "catalog.admin"))
                .authorities(new SimpleGrantedAuthority("ROLE_catalog-admin"));
    }

    static String newCode() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void draftIsEditedConditionallyPublishedOnceCompleteAndServedWithETags() throws Exception {
        String code = newCode();
        String draft = ITEMS + "/" + code + "/versions/1";

        String etag = mvc.perform(post(ITEMS)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + code + "\", \"content\": " + Guides.incomplete() + "}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", draft))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn()
                .getResponse()
                .getHeader("ETag");

        // everything missing at once, in one problem
        mvc.perform(post(draft + "/publish")
                        .with(admin())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validFrom\": \"" + today() + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "publication-refused"))
                .andExpect(jsonPath("$.requestId").exists())
                .andExpect(jsonPath(
                        "$.missingDisclosures", containsInAnyOrder("LEGAL_BASIS", "FEES", "COMPLAINT_CHANNEL")))
                .andExpect(jsonPath("$.violations[*].rule")
                        .value(containsInAnyOrder("PROMISED_NOT_30_PERCENT_BELOW_STATUTORY", "REQUIRED")))
                .andExpect(
                        jsonPath("$.violations[?(@.rule == 'REQUIRED')].field").value("form"));

        mvc.perform(put(draft)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Guides.complete()))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "precondition-required"));
        mvc.perform(put(draft)
                        .with(admin())
                        .header("If-Match", "\"stale\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Guides.complete()))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "precondition-failed"));
        String revised = mvc.perform(put(draft)
                        .with(admin())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Guides.complete()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.legalBasis", hasSize(1)))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        assertThat(revised).isNotEqualTo(etag);

        // the old ETag no longer publishes
        mvc.perform(post(draft + "/publish")
                        .with(admin())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validFrom\": \"" + today() + "\"}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post(draft + "/publish")
                        .with(admin())
                        .header("If-Match", revised)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validFrom\": \"" + today() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));

        // the public guide in force: no token, strong ETag, short max-age, 304 on revalidation
        String guideETag = mvc.perform(get(ITEMS + "/" + code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.name.zh").value("集成测试事项"))
                .andExpect(header().string("Cache-Control", containsString("max-age=60")))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        assertThat(guideETag).startsWith("\"").doesNotStartWith("W/");
        mvc.perform(get(ITEMS + "/" + code).header("If-None-Match", guideETag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", guideETag));
        mvc.perform(get(ITEMS + "/" + code).param("version", "1"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=86400")));

        // published means immutable
        mvc.perform(put(draft)
                        .with(admin())
                        .header("If-Match", "*")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Guides.complete()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "version-immutable"));

        // and the search finds it by its Chinese name
        mvc.perform(get(ITEMS).param("q", "集成测试").param("department", "SAMR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.itemCode == '" + code + "')]").exists());
    }

    @Test
    void retiringDropsTheCachedGuide() throws Exception {
        String code = newCode();
        String etag = mvc.perform(post(ITEMS)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + code + "\", \"content\": " + Guides.complete() + "}"))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        mvc.perform(post(ITEMS + "/" + code + "/versions/1/publish")
                        .with(admin())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validFrom\": \"" + today() + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(get(ITEMS + "/" + code)).andExpect(status().isOk());

        mvc.perform(post(ITEMS + "/" + code + "/versions/1/retire").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETIRED"));

        mvc.perform(get(ITEMS + "/" + code))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "no-guide-in-force"));
    }

    @Test
    void writesNeedTheCatalogAdminRole() throws Exception {
        String body = "{\"code\": \"" + newCode() + "\", \"content\": " + Guides.complete() + "}";

        mvc.perform(post(ITEMS).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post(ITEMS)
                        .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_window-clerk")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        mvc.perform(put("/api/catalog/calendars/330000/2030")
                        .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_supervisor")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"festivals\": [], \"demo\": true}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void demoCatalogIsLoaded() throws Exception {
        mvc.perform(get("/api/catalog/departments"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code")
                        .value(hasItems("HEALTH", "HRSS", "HSA", "PSB", "REALESTATE", "SAMR", "TAX")));
        String page = mvc.perform(get(ITEMS).param("size", "100"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(jdbc.sql("select count(*) from item where code not like 'it-%'")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(25);
        assertThat(page).contains("samr-company-registration");
        mvc.perform(get(ITEMS).param("bundle", "newborn"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4));
        mvc.perform(get(ITEMS).param("q", "social security").param("handlingMode", "ZERO_VISIT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].itemCode").value(containsInAnyOrder("hrss-social-security-card")));
        mvc.perform(get("/api/catalog/bundles"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code")
                        .value(containsInAnyOrder("company-startup", "newborn", "second-hand-home-transfer")));

        // company start-up: the licence first, its e-certificate provides the licence material to the others
        mvc.perform(get("/api/catalog/bundles/company-startup"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].itemCode").value("samr-company-registration"))
                .andExpect(jsonPath("$.criticalPath[0]").value("samr-company-registration"))
                .andExpect(jsonPath("$.promisedWorkingDays").value(2))
                .andExpect(jsonPath("$.materials[?(@.code == 'ID_CARD')].neededBy[*]", hasSize(5)))
                .andExpect(jsonPath("$.materials[?(@.code == 'BUSINESS_LICENCE')].satisfiedInBundleBy")
                        .value("samr-company-registration"));

        // National Day 2026: Wednesday 30 September + 3 working days = Saturday 10 October (make-up day)
        mvc.perform(get("/api/catalog/calendars/330000/working-days")
                        .param("from", "2026-09-30")
                        .param("days", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2026-10-10"))
                .andExpect(jsonPath("$.provisional").value(false));
        mvc.perform(get("/api/catalog/calendars/330000/working-days")
                        .param("from", "2026-09-30")
                        .param("to", "2026-10-12"))
                .andExpect(jsonPath("$.workingDays").value(4));
        mvc.perform(get("/api/catalog/calendars/330000/2027"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.demo").value(true));

        mvc.perform(get("/api/catalog/statistics"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.departments", hasSize(greaterThanOrEqualTo(7))))
                .andExpect(jsonPath("$.overall.targets[0].reached").value(true));
        mvc.perform(get("/api/catalog/snapshot"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.departments", hasSize(greaterThanOrEqualTo(7))))
                .andExpect(jsonPath("$.bundles", hasSize(3)))
                .andExpect(jsonPath("$.calendars", hasSize(4)));
    }

    @Test
    void theOpenApiDocumentListsTheCatalogApi() throws Exception {
        mvc.perform(get("/api/catalog/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/catalog/items/{code}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/catalog/items/{code}/versions/{version}/publish'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/catalog/calendars/{region}/working-days'].get")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/catalog/snapshot'].get").exists());
    }

    @Test
    void theDatabaseRefusesToChangeAPublishedVersion() {
        assertThatThrownBy(() -> jdbc.sql("update item_version set content = content || '{\"legalBasis\": []}'"
                                + " where item_code = 'samr-company-registration' and version = 1")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql(
                                "delete from item_version where item_code = 'samr-company-registration' and version = 1")
                        .update())
                .isInstanceOf(DataAccessException.class);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** Request bodies. */
    static final class Guides {

        static String complete() {
            return """
                    {
                      "kind": "LICENCE",
                      "departmentCode": "SAMR",
                      "name": {"zh": "集成测试事项", "en": "Integration test item"},
                      "legalBasis": ["《中华人民共和国行政许可法》第二十九条"],
                      "acceptanceConditions": ["申请人具有完全民事行为能力"],
                      "steps": [{"code": "ACCEPT", "name": {"zh": "受理", "en": "Acceptance"}, "specialProcedures": []},
                                {"code": "REVIEW", "name": {"zh": "审查", "en": "Review"},
                                 "specialProcedures": ["SITE_INSPECTION"]}],
                      "materials": [{"code": "ID_CARD", "name": {"zh": "身份证件", "en": "Identity document"},
                                     "required": true, "key": true, "form": "ORIGINAL"}],
                      "fees": {"free": true, "items": []},
                      "timeLimits": {"statutoryWorkingDays": 20, "promisedWorkingDays": 10},
                      "handlingMode": "RUN_ONCE",
                      "visitsRequired": 1,
                      "result": {"certificateType": "TEST_CERTIFICATE", "name": {"zh": "测试证", "en": "Test certificate"},
                                 "electronic": true},
                      "deliveryOptions": ["ELECTRONIC"],
                      "consultationChannels": [{"type": "PHONE", "value": "0571-12345"}],
                      "complaintChannels": [{"type": "PHONE", "value": "12345"}],
                      "form": %s
                    }""".formatted(form("testNumber", 10));
        }

        /** A form with one required text field and one integer field of at most {@code maximum}. */
        static String form(String textField, int maximum) {
            return """
                    {
                      "$schema": "https://json-schema.org/draft/2020-12/schema",
                      "type": "object",
                      "title": "集成测试申请表",
                      "x-title": {"zh": "集成测试申请表", "en": "Integration test form"},
                      "properties": {
                        "%s": {"type": "string", "minLength": 1, "maxLength": 50, "title": "编号",
                               "x-title": {"zh": "编号", "en": "Number"},
                               "x-prefill": {"certificateType": "TEST_CERTIFICATE", "field": "number"}},
                        "count": {"type": "integer", "minimum": 1, "maximum": %d, "title": "数量",
                                  "x-title": {"zh": "数量", "en": "Count"}}
                      },
                      "required": ["%s"],
                      "additionalProperties": false
                    }""".formatted(textField, maximum, textField);
        }

        /** No legal basis, no fees, no complaint channel, and a promised limit only 25% below statutory. */
        static String incomplete() {
            return """
                    {
                      "kind": "LICENCE",
                      "departmentCode": "SAMR",
                      "name": {"zh": "集成测试事项", "en": "Integration test item"},
                      "acceptanceConditions": ["申请人具有完全民事行为能力"],
                      "steps": [{"code": "ACCEPT", "name": {"zh": "受理", "en": "Acceptance"}}],
                      "materials": [{"code": "ID_CARD", "name": {"zh": "身份证件", "en": "Identity document"},
                                     "required": true, "key": true, "form": "ORIGINAL"}],
                      "timeLimits": {"statutoryWorkingDays": 20, "promisedWorkingDays": 15},
                      "handlingMode": "RUN_ONCE",
                      "visitsRequired": 1,
                      "deliveryOptions": ["ELECTRONIC"]
                    }""";
        }
    }
}
