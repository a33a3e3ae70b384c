package org.runonce.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.EventSchemas;

class FormsTest {

    static Map<String, Object> form(List<String> applicantTypes, List<String> required, Map<String, Object> fields) {
        Map<String, Object> form = new LinkedHashMap<>(Forms.empty());
        form.put("x-applicant-types", applicantTypes);
        form.put("properties", fields);
        form.put("required", required);
        return form;
    }

    static Map<String, Object> integer(String zh, String en, int minimum) {
        return Map.of("type", "integer", "title", zh, "x-title", Map.of("zh", zh, "en", en), "minimum", minimum);
    }

    final Map<String, Object> hrss = form(
            List.of("NATURAL_PERSON", "LEGAL_ENTITY"),
            List.of("employeeCount"),
            Map.of("employeeCount", integer("参保职工人数", "Insured employees", 1)));
    final Map<String, Object> hsa = form(
            List.of("LEGAL_ENTITY"),
            List.of(),
            Map.of(
                    "employeeCount",
                    integer("参保职工人数", "Insured employees", 0),
                    "medicalInsuranceBank",
                    Map.of("type", "string", "title", "开户银行", "x-title", Map.of("zh", "开户银行", "en", "Bank"))));

    @Test
    void aSharedFieldIsAskedOnceAndMustSatisfyEveryItemsConstraints() {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("hrss-x", hrss);
        items.put("hsa-x", hsa);
        Map<String, Object> union = Forms.union(cast(items), new Name("开办企业", "Company start-up"));

        Map<String, Object> employees = cast(Forms.properties(union).get("employeeCount"));
        assertThat(employees.get("type")).isEqualTo("integer");
        assertThat(employees.get("title")).isEqualTo("参保职工人数");
        assertThat((List<?>) employees.get("allOf")).hasSize(2);
        assertThat(employees.get("x-asked-by")).isEqualTo(List.of("hrss-x", "hsa-x"));
        assertThat(Forms.properties(union)).containsOnlyKeys("employeeCount", "medicalInsuranceBank");
        assertThat(union.get("required")).isEqualTo(List.of("employeeCount"));
        assertThat(union.get("additionalProperties")).isEqualTo(false);
        assertThat(Forms.applicantTypes(union)).containsExactly("LEGAL_ENTITY");
    }

    @Test
    void identicalDefinitionsStayAsTheyAreAndAMissingFormHasNoFields() {
        Map<String, Map<String, Object>> items = new LinkedHashMap<>();
        items.put("a", hrss);
        items.put("b", hrss);
        items.put("c", null);
        Map<String, Object> employees =
                cast(Forms.properties(Forms.union(items, null)).get("employeeCount"));
        assertThat(employees).doesNotContainKey("allOf").containsEntry("minimum", 1);
        assertThat(Forms.applicantTypes(Forms.empty())).containsExactly("NATURAL_PERSON", "LEGAL_ENTITY");
    }

    @Test
    void formsFollowTheFormProfile() {
        assertThat(EventSchemas.violations("catalog/form.schema.json", EventSchemas.json(hsa)))
                .isEmpty();
        Map<String, Object> bad = new LinkedHashMap<>(hsa);
        bad.put("additionalProperties", true);
        bad.put("properties", Map.of("Bad-Name", Map.of("type", "array")));
        assertThat(EventSchemas.violations("catalog/form.schema.json", EventSchemas.json(bad)))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object value) {
        return (T) value;
    }
}
