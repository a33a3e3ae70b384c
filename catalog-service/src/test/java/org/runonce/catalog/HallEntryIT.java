package org.runonce.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.runonce.catalog.CatalogApiIT.ITEMS;
import static org.runonce.catalog.CatalogApiIT.PROBLEMS;
import static org.runonce.catalog.CatalogApiIT.today;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
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
 * Hall entry (进驻) and the entry rate on real PostgreSQL and Kafka (local stack), with the demo catalog loaded: the
 * demo's rates per department, and a department of the test's own whose four items an administrator records one by
 * one (conditional, validated, audited), the rate following each change.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithLocalInfrastructure
class HallEntryIT {

    static final String STATISTICS = "/api/catalog/statistics";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** A catalog administrator whose username the audit trail records. */
    static RequestPostProcessor admin() {
        return jwt().jwt(t -> t.subject("li.guanli").claim("preferred_username", "li.guanli"))
                .authorities(new SimpleGrantedAuthority("ROLE_catalog-admin"));
    }

    static RequestPostProcessor supervisor() {
        return jwt().jwt(t -> t.subject("zhou.jian").claim("preferred_username", "zhou.jian"))
                .authorities(new SimpleGrantedAuthority("ROLE_supervisor"));
    }

    static RequestPostProcessor applicant() {
        return jwt().jwt(t -> t.subject("zhang.san").claim("preferred_username", "zhang.san"))
                .authorities(new SimpleGrantedAuthority("ROLE_applicant"));
    }

    static String entry(String item) {
        return ITEMS + "/" + item + "/hall-entry";
    }

    @Test
    void theDemoCatalogRecordsWhichItemsAreHandledInTheHall() throws Exception {
        // PSB, HSA and HEALTH have four items each, one of which stays at the department: 3/4; TAX all five
        mvc.perform(get(STATISTICS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.departments[?(@.departmentCode == 'PSB')].publishedItems")
                        .value(4))
                .andExpect(jsonPath("$.departments[?(@.departmentCode == 'PSB')].enteredItems")
                        .value(3))
                .andExpect(jsonPath("$.departments[?(@.departmentCode == 'PSB')].entryRate")
                        .value(0.75))
                .andExpect(jsonPath("$.departments[?(@.departmentCode == 'HSA')].entryRate")
                        .value(0.75))
                .andExpect(jsonPath("$.departments[?(@.departmentCode == 'HEALTH')].entryRate")
                        .value(0.75))
                .andExpect(jsonPath("$.departments[?(@.departmentCode == 'TAX')].enteredItems")
                        .value(5))
                .andExpect(jsonPath("$.departments[?(@.departmentCode == 'TAX')].entryRate")
                        .value(1.0));

        mvc.perform(get(entry("psb-residence-permit")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entered").value(false))
                .andExpect(jsonPath("$.since").value("2026-01-01"))
                .andExpect(jsonPath("$.reason", containsString("派出所")))
                .andExpect(jsonPath("$.changedBy").doesNotExist());
        mvc.perform(get(entry("psb-residence-permit") + "/history").with(supervisor()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].revision").value(1))
                .andExpect(jsonPath("$[0].changedBy").value("demo-data"));
        mvc.perform(get(entry("samr-company-registration")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entered").value(true));
    }

    @Test
    void anAdministratorRecordsEntryConditionallyValidatedAndAuditedAndTheRateFollows() throws Exception {
        // letters only: the catalog takes digits and '_' too, but the events' department extension does not
        String department =
                "ITHALL" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        mvc.perform(post("/api/catalog/departments")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code": "%s", "name": {"zh": "集成测试局", "en": "Integration Test Bureau"},
                                 "regionCode": "330000", "contact": {"phone": "0571-00000"}}""".formatted(department)))
                .andExpect(status().isCreated());
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(publishedItem(department));
        }
        String first = items.get(0);

        // nothing recorded yet: the four items count as not entered
        departmentFigures(department, 0, 0.0);
        mvc.perform(get(entry(first)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "no-hall-entry"));
        mvc.perform(get(entry("no-such-item")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));

        // only catalog administrators record it
        String entered = "{\"entered\": true}";
        mvc.perform(put(entry(first)).contentType(MediaType.APPLICATION_JSON).content(entered))
                .andExpect(status().isUnauthorized());
        for (RequestPostProcessor other : List.of(applicant(), supervisor())) {
            mvc.perform(put(entry(first))
                            .with(other)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(entered))
                    .andExpect(status().isForbidden())
                    .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        }
        // an If-Match cannot match what does not exist
        mvc.perform(put(entry(first))
                        .with(admin())
                        .header("If-Match", "\"anything\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(entered))
                .andExpect(status().isPreconditionFailed());
        assertThat(recorded(first)).isZero();

        // three entered, the first record of each created without If-Match
        for (String item : items.subList(0, 3)) {
            mvc.perform(put(entry(item))
                            .with(admin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(entered))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", entry(item)))
                    .andExpect(jsonPath("$.entered").value(true))
                    .andExpect(jsonPath("$.since").value(today().toString()))
                    .andExpect(jsonPath("$.revision").value(1));
        }
        departmentFigures(department, 3, 0.75);

        // invalid input: every field at once, 400, nothing recorded
        String fourth = items.get(3);
        mvc.perform(put(entry(fourth))
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entered\": false, \"since\": \"" + today().plusDays(1) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation-failed"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("reason", "since")))
                .andExpect(jsonPath("$.errors[*].code").value(containsInAnyOrder("REQUIRED", "IN_FUTURE")));
        mvc.perform(put(entry(fourth))
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"" + "长".repeat(501) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation-failed"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("entered", "reason")));
        mvc.perform(put(entry(fourth))
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entered\": \"perhaps\"}"))
                .andExpect(status().isBadRequest());
        assertThat(recorded(fourth)).isZero();
        mvc.perform(get(entry(fourth))).andExpect(status().isNotFound());
        departmentFigures(department, 3, 0.75);

        // the fourth stays at the department, with the reason
        mvc.perform(put(entry(fourth))
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entered\": false, \"reason\": \"须现场查验，经县政府同意暂不进驻\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.entered").value(false));
        departmentFigures(department, 3, 0.75);

        // a change of a recorded item is conditional
        String etag = mvc.perform(get(entry(first)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        String leaves = "{\"entered\": false, \"reason\": \"窗口撤回部门，待县政府审定\"}";
        mvc.perform(put(entry(first))
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(leaves))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "precondition-required"));
        mvc.perform(put(entry(first))
                        .with(admin())
                        .header("If-Match", "\"stale\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(leaves))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(put(entry(first))
                        .with(admin())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"entered\": false, \"reason\": \"x\", \"since\": \"" + today().minusDays(1) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("since"))
                .andExpect(jsonPath("$.errors[0].code").value("BEFORE_LAST_CHANGE"));
        assertThat(recorded(first)).isEqualTo(1);
        String changed = mvc.perform(put(entry(first))
                        .with(admin())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(leaves))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entered").value(false))
                .andExpect(jsonPath("$.revision").value(2))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        assertThat(changed).isNotEqualTo(etag);
        // the same again records nothing
        mvc.perform(put(entry(first))
                        .with(admin())
                        .header("If-Match", changed)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(leaves))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(2));
        departmentFigures(department, 2, 0.5);

        // the audit trail: who, when, what, for administrators and supervisors only
        mvc.perform(get(entry(first) + "/history").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].entered").value(true))
                .andExpect(jsonPath("$[1].entered").value(false))
                .andExpect(jsonPath("$[1].reason").value("窗口撤回部门，待县政府审定"))
                .andExpect(jsonPath("$[*].changedBy").value(containsInAnyOrder("li.guanli", "li.guanli")))
                .andExpect(jsonPath("$[1].changedAt").exists());
        mvc.perform(get(entry(first) + "/history").with(supervisor())).andExpect(status().isOk());
        mvc.perform(get(entry(first) + "/history").with(applicant())).andExpect(status().isForbidden());
        mvc.perform(get(entry(first) + "/history")).andExpect(status().isUnauthorized());

        // and the database keeps it as recorded
        assertThatThrownBy(() -> jdbc.sql("update item_hall_entry set entered = true where item_code = ?")
                        .param(first)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("delete from item_hall_entry where item_code = ?")
                        .param(first)
                        .update())
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void theOpenApiDocumentDescribesHallEntryWithAnExample() throws Exception {
        mvc.perform(get("/api/catalog/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/catalog/items/{code}/hall-entry'].put.requestBody")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/catalog/items/{code}/hall-entry/history'].get")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.ChangeHallEntryRequest.properties.entered.example")
                        .value(false));
    }

    /** The statistics' figures of the department: its four items, how many entered, the entry rate. */
    private void departmentFigures(String department, int entered, double entryRate) throws Exception {
        String figures = "$.departments[?(@.departmentCode == '" + department + "')]";
        mvc.perform(get(STATISTICS))
                .andExpect(status().isOk())
                .andExpect(jsonPath(figures, hasSize(1)))
                .andExpect(jsonPath(figures + ".publishedItems").value(4))
                .andExpect(jsonPath(figures + ".enteredItems").value(entered))
                .andExpect(jsonPath(figures + ".entryRate").value(entryRate));
    }

    private int recorded(String item) {
        return jdbc.sql("select count(*) from item_hall_entry where item_code = ?")
                .param(item)
                .query(Integer.class)
                .single();
    }

    /** A new item of the department with its guide in force from today. */
    private String publishedItem(String department) throws Exception {
        String code = CatalogApiIT.newCode();
        String content = CatalogApiIT.Guides.complete().replace("\"SAMR\"", "\"" + department + "\"");
        String etag = mvc.perform(post(ITEMS)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + code + "\", \"content\": " + content + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        mvc.perform(post(ITEMS + "/" + code + "/versions/1/publish")
                        .with(admin())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validFrom\": \"" + today() + "\"}"))
                .andExpect(status().isOk());
        return code;
    }
}
