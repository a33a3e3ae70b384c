package org.runonce.catalog;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.runonce.catalog.CatalogApiIT.ITEMS;
import static org.runonce.catalog.CatalogApiIT.admin;
import static org.runonce.catalog.CatalogApiIT.newCode;
import static org.runonce.catalog.CatalogApiIT.today;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Application forms published with item versions, on real PostgreSQL and Kafka: public reads of exactly the
 * version's form, a changed form only as a new version, admin-only writes and drafts, the demo items' and bundles'
 * forms.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithLocalInfrastructure
class FormsIT {

    @Autowired
    MockMvc mvc;

    static RequestPostProcessor departmentHead() {
        return jwt().jwt(token -> token.claim("department", "SAMR"))
                .authorities(
                        new SimpleGrantedAuthority("ROLE_reviewer"),
                        new SimpleGrantedAuthority("ROLE_department-head"));
    }

    @Test
    void aChangedFormIsANewVersionAndEachVersionKeepsItsOwnForm() throws Exception {
        String code = newCode();
        LocalDate v2From = today().plusDays(10);
        create(code, CatalogApiIT.Guides.complete());
        publish(code, 1, "{\"validFrom\": \"" + today() + "\", \"validTo\": \"" + v2From.minusDays(1) + "\"}");

        // published: the form cannot change any more
        mvc.perform(put(ITEMS + "/" + code + "/versions/1")
                        .with(admin())
                        .header("If-Match", "\"anything\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CatalogApiIT.Guides.complete()
                                .replace(
                                        CatalogApiIT.Guides.form("testNumber", 10),
                                        CatalogApiIT.Guides.form("testNumber", 99))))
                .andExpect(status().is4xxClientError());

        // a new version with another form
        String draftEtag = mvc.perform(post(ITEMS + "/" + code + "/versions").with(admin()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        String v2 = CatalogApiIT.Guides.complete()
                .replace(CatalogApiIT.Guides.form("testNumber", 10), CatalogApiIT.Guides.form("serialNumber", 99));
        String revisedEtag = mvc.perform(put(ITEMS + "/" + code + "/versions/2")
                        .with(admin())
                        .header("If-Match", draftEtag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(v2))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("ETag");

        // the draft's form: catalog admins only
        mvc.perform(get(ITEMS + "/" + code + "/versions/2/form")).andExpect(status().isNotFound());
        mvc.perform(get(ITEMS + "/" + code + "/versions/2/form").with(departmentHead()))
                .andExpect(status().isNotFound());
        mvc.perform(get(ITEMS + "/" + code + "/versions/2/form").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.required[0]").value("serialNumber"));

        mvc.perform(post(ITEMS + "/" + code + "/versions/2/publish")
                        .with(admin())
                        .header("If-Match", revisedEtag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validFrom\": \"" + v2From + "\"}"))
                .andExpect(status().isOk());

        // anyone reads each version's own form, which never changes
        mvc.perform(get(ITEMS + "/" + code + "/versions/1/form"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age")))
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.$schema").value("https://json-schema.org/draft/2020-12/schema"))
                .andExpect(jsonPath("$.properties.testNumber.x-title.en").value("Number"))
                .andExpect(jsonPath("$.properties.testNumber.x-prefill.certificateType")
                        .value("TEST_CERTIFICATE"))
                .andExpect(jsonPath("$.properties.count.maximum").value(10))
                .andExpect(jsonPath("$.properties.serialNumber").doesNotExist());
        mvc.perform(get(ITEMS + "/" + code + "/versions/2/form"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.properties.serialNumber.type").value("string"))
                .andExpect(jsonPath("$.properties.count.maximum").value(99))
                .andExpect(jsonPath("$.properties.testNumber").doesNotExist());

        // the form in force names the version it belongs to
        mvc.perform(get(ITEMS + "/" + code + "/form"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Location", ITEMS + "/" + code + "/versions/1/form"))
                .andExpect(jsonPath("$.required[0]").value("testNumber"));
        mvc.perform(get(ITEMS + "/" + code + "/form").param("on", v2From.toString()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Location", ITEMS + "/" + code + "/versions/2/form"))
                .andExpect(jsonPath("$.required[0]").value("serialNumber"));
        // the guide carries the same form
        mvc.perform(get(ITEMS + "/" + code).param("version", "1"))
                .andExpect(jsonPath("$.form.properties.testNumber.title").value("编号"));
    }

    @Test
    void onlyCatalogAdminsWriteFormsAndAFormOutsideTheProfileIsRefused() throws Exception {
        String code = newCode();
        String body = "{\"code\": \"" + code + "\", \"content\": " + CatalogApiIT.Guides.complete() + "}";
        mvc.perform(post(ITEMS)
                        .with(departmentHead())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post(ITEMS)
                        .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_applicant")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(get(ITEMS + "/" + code + "/versions/1/form").with(admin())).andExpect(status().isNotFound());

        String bad = CatalogApiIT.Guides.complete().replace(CatalogApiIT.Guides.form("testNumber", 10), """
                        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                         "properties": {"photo": {"type": "array", "title": "照片"}},
                         "required": ["photo", "signature"], "additionalProperties": true}""");
        String etag = create(code, bad);
        mvc.perform(post(ITEMS + "/" + code + "/versions/1/publish")
                        .with(admin())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validFrom\": \"" + today() + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.violations[*].rule")
                        .value(hasItems("FORM_NOT_IN_PROFILE", "FORM_REQUIRES_UNKNOWN_FIELD")))
                .andExpect(jsonPath("$.violations[*].field")
                        .value(hasItems("form/additionalProperties", "form/properties/photo/type", "form.required")));
    }

    @Test
    void everyDemoItemHasAFormAndABundleHasOneFormForAllItsItems() throws Exception {
        for (String code : java.util.List.of(
                "psb-id-card-application", "tax-no-arrears-certificate", "realestate-registration-info-query")) {
            mvc.perform(get(ITEMS + "/" + code + "/form"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.additionalProperties").value(false))
                    .andExpect(jsonPath("$.required").isNotEmpty())
                    .andExpect(jsonPath("$.x-title.en").isNotEmpty());
        }
        mvc.perform(get("/api/catalog/bundles/company-startup/form"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.x-title.zh").value("开办企业"))
                .andExpect(
                        jsonPath("$.x-item-versions.samr-company-registration").value(1))
                .andExpect(jsonPath("$.properties.employeeCount.x-asked-by")
                        .value(containsInAnyOrder(
                                "hrss-employer-social-insurance-registration",
                                "hsa-employer-medical-insurance-registration")))
                .andExpect(jsonPath("$.properties.employeeCount.allOf").doesNotExist())
                .andExpect(jsonPath("$.properties.companyName.allOf.length()").value(5))
                .andExpect(jsonPath("$.properties.sealCount.type").value("integer"))
                .andExpect(jsonPath("$.additionalProperties").value(false));
        mvc.perform(get("/api/catalog/bundles/newborn/form"))
                .andExpect(jsonPath("$.x-applicant-types").value(containsInAnyOrder("NATURAL_PERSON")))
                .andExpect(jsonPath("$.required")
                        .value(containsInAnyOrder(
                                "childName", "childBirthDate", "childSex", "birthPlace", "householdAddress")));
    }

    @Test
    void theFormEndpointsAreInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/api/catalog/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/catalog/items/{code}/versions/{version}/form'].get.summary")
                        .value("The application form of one version"))
                .andExpect(jsonPath("$.paths['/api/catalog/items/{code}/form'].get")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/catalog/bundles/{code}/form'].get")
                        .exists());
    }

    private String create(String code, String content) throws Exception {
        return mvc.perform(post(ITEMS)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + code + "\", \"content\": " + content + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("ETag");
    }

    private void publish(String code, int version, String body) throws Exception {
        String etag = mvc.perform(
                        get(ITEMS + "/" + code + "/versions/" + version).with(admin()))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        mvc.perform(post(ITEMS + "/" + code + "/versions/" + version + "/publish")
                        .with(admin())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk());
    }
}
