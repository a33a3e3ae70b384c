package org.runonce.catalog;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Commitment approval (告知承诺制) in the catalog's API: a draft marked for it is saved when its content allows it,
 * refused with 400 and every rule at once otherwise (nothing changed); the demo marks the food business licence.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithLocalInfrastructure
class CommitmentApiIT {

    static final String ITEMS = "/api/catalog/items";
    static final String PROBLEMS = "https://runonce.org/problems/";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    static ObjectNode content(Object commitment) {
        ObjectNode content = (ObjectNode) JSON.readTree(CatalogApiIT.Guides.complete());
        content.set("commitment", JSON.valueToTree(commitment));
        return content;
    }

    static Map<String, Object> commitment(List<String> materials, int days) {
        return Map.of(
                "statement",
                Map.of("zh", "本人承诺符合许可条件", "en", "I undertake that the conditions are met"),
                "materials",
                materials,
                "checkWithinWorkingDays",
                days);
    }

    @Test
    void aDraftIsMarkedOnlyWhenItsContentAllowsItNothingChangesOtherwise() throws Exception {
        String code = CatalogApiIT.newCode();
        String draft = ITEMS + "/" + code + "/versions/1";
        String etag = mvc.perform(post(ITEMS)
                        .with(CatalogApiIT.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + code + "\", \"content\": " + CatalogApiIT.Guides.complete() + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("ETag");

        ObjectNode withoutCertificate = content(commitment(List.of("ID_CARD", "NOT_LISTED"), 0));
        withoutCertificate.putNull("result");
        withoutCertificate.put("kind", "PUBLIC_SERVICE");
        mvc.perform(put(draft)
                        .with(CatalogApiIT.admin())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(withoutCertificate.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "commitment-not-allowed"))
                .andExpect(jsonPath("$.violations[*].rule")
                        .value(containsInAnyOrder(
                                "CHECK_DAYS_OUT_OF_RANGE",
                                "COMMITMENT_NOT_FOR_KIND",
                                "COMMITMENT_WITHOUT_CERTIFICATE",
                                "UNKNOWN_MATERIAL")));
        // nothing changed: same draft, same ETag, not marked
        mvc.perform(get(draft).with(CatalogApiIT.admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", etag))
                .andExpect(jsonPath("$.kind").value("LICENCE"))
                .andExpect(jsonPath("$.commitment").doesNotExist());

        mvc.perform(put(draft)
                        .with(CatalogApiIT.admin())
                        .header("If-Match", etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(content(commitment(List.of("ID_CARD"), 10)).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.commitment.materials[0]").value("ID_CARD"))
                .andExpect(jsonPath("$.commitment.checkWithinWorkingDays").value(10));
    }

    @Test
    void theDemoMarksTheFoodBusinessLicence() throws Exception {
        mvc.perform(get(ITEMS + "/samr-food-business-licence"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.commitment.materials")
                        .value(containsInAnyOrder("PREMISES_LAYOUT", "FOOD_SAFETY_RULES", "FOOD_SAFETY_MANAGER")))
                .andExpect(jsonPath("$.commitment.checkWithinWorkingDays").value(20));
        mvc.perform(get(ITEMS + "/health-public-place-hygiene-licence"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.commitment.materials[0]").value("HYGIENE_FACILITIES"));
    }
}
