package org.runonce.intake.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.intake.DemoCatalog;

class FormRulesTest {

    final FormRules rules = new FormRules(DemoCatalog.JSON);
    final LocalDate today = LocalDate.parse("2026-11-20");

    @Test
    void aBundleFormIsTheUnionOfItsItemsFieldsAndEveryProblemIsReported() {
        List<String> items = DemoCatalog.bundle("company-startup").itemCodes();

        List<FieldError> errors = rules.validate(
                items,
                Map.of(
                        "companyName", "X",
                        "registeredCapitalYuan", -5,
                        "sealCount", 2.5,
                        "accountingStandard", "CASH",
                        "favouriteColour", "blue"),
                today);

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "form.companyName",
                        "form.registeredCapitalYuan",
                        "form.businessScope",
                        "form.registeredAddress",
                        "form.legalRepresentativeName",
                        "form.sealCount",
                        "form.accountingStandard",
                        "form.employeeCount",
                        "form.favouriteColour");
    }

    @Test
    void datesTypesAndApplicantTypes() {
        List<FieldError> errors = rules.validate(
                List.of("health-birth-medical-certificate"),
                Map.of("childName", "小明", "childBirthDate", "2026-12-01", "childSex", "MALE", "birthPlace", "市一医院"),
                today);
        assertThat(errors).singleElement().extracting(FieldError::field).isEqualTo("form.childBirthDate");

        assertThat(rules.applicantTypes(DemoCatalog.bundle("newborn").itemCodes()))
                .containsExactly("NATURAL_PERSON");
        assertThat(rules.applicantTypes(List.of("samr-food-business-licence"))).containsExactly("LEGAL_ENTITY");
        assertThat(rules.applicantTypes(List.of("tax-no-arrears-certificate")))
                .containsExactly("NATURAL_PERSON", "LEGAL_ENTITY");
        assertThat(rules.validate(List.of("tax-no-arrears-certificate"), Map.of(), today))
                .isEmpty();
    }
}
