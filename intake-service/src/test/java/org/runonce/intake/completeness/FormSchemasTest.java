package org.runonce.intake.completeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.catalog.Forms;
import org.runonce.intake.DemoCatalog;
import org.runonce.intake.catalog.ItemGuide;

/** The form check against the catalog's published forms: every violation at once, with a pointer and a code. */
class FormSchemasTest {

    final LocalDate today = LocalDate.parse("2026-11-20");

    static Map<String, Object> formOf(List<String> itemCodes) {
        Map<String, Map<String, Object>> forms = new LinkedHashMap<>();
        for (String code : itemCodes) {
            ItemGuide guide = DemoCatalog.item(code);
            forms.put(code, guide.form());
        }
        return FormSchemas.formOf(forms);
    }

    @Test
    void aBundleFormIsTheUnionOfItsItemsFormsAndEveryProblemIsReportedWithPointerAndCode() {
        Map<String, Object> form = formOf(DemoCatalog.bundle("company-startup").itemCodes());

        List<FieldError> errors = FormSchemas.validate(
                form,
                Map.of(
                        "companyName", "X",
                        "registeredCapitalYuan", -5,
                        "sealCount", 2.5,
                        "accountingStandard", "CASH",
                        "favouriteColour", "blue"),
                today);

        assertThat(errors)
                .extracting(FieldError::field, FieldError::pointer, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("form.companyName", "/form/companyName", "TOO_SHORT"),
                        tuple("form.registeredCapitalYuan", "/form/registeredCapitalYuan", "TOO_SMALL"),
                        tuple("form.businessScope", "/form/businessScope", "REQUIRED"),
                        tuple("form.registeredAddress", "/form/registeredAddress", "REQUIRED"),
                        tuple("form.legalRepresentativeName", "/form/legalRepresentativeName", "REQUIRED"),
                        tuple("form.sealCount", "/form/sealCount", "WRONG_TYPE"),
                        tuple("form.accountingStandard", "/form/accountingStandard", "NOT_ONE_OF_THE_VALUES"),
                        tuple("form.employeeCount", "/form/employeeCount", "REQUIRED"),
                        tuple("form.favouriteColour", "/form/favouriteColour", "UNKNOWN_FIELD"));
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).isNotBlank().doesNotContain("$"));
    }

    @Test
    void aSharedFieldIsCheckedOnceAgainstEveryItemsDefinition() {
        Map<String, Object> form = formOf(DemoCatalog.bundle("company-startup").itemCodes());
        Map<String, Object> given = new LinkedHashMap<>(Map.of(
                "companyName", "杭州一次科技有限公司",
                "registeredCapitalYuan", 1000000,
                "businessScope", "软件开发",
                "registeredAddress", "杭州市西湖区文三路1号",
                "legalRepresentativeName", "张三",
                "sealCount", 2,
                "employeeCount", 5));
        assertThat(FormSchemas.validate(form, given, today)).isEmpty();

        given.put("employeeCount", 0);
        given.put("companyName", "杭".repeat(101));
        assertThat(FormSchemas.validate(form, given, today))
                .extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("form.employeeCount", "TOO_SMALL"), tuple("form.companyName", "TOO_LONG"));
    }

    @Test
    void datesIdentityNumbersAndCommitments() {
        Map<String, Object> birth = formOf(List.of("health-birth-medical-certificate"));
        Map<String, Object> given = new LinkedHashMap<>(
                Map.of("childName", "小明", "childBirthDate", "2026-12-01", "childSex", "MALE", "birthPlace", "市一医院"));
        assertThat(FormSchemas.validate(birth, given, today))
                .extracting(FieldError::field, FieldError::code, FieldError::message)
                .containsExactly(tuple("form.childBirthDate", "DATE_IN_FUTURE", "must not be in the future"));
        given.put("childBirthDate", today.toString());
        assertThat(FormSchemas.validate(birth, given, today)).isEmpty();
        given.put("childBirthDate", "2026-02-30");
        given.put("motherIdNumber", "110101199003070000");
        assertThat(FormSchemas.validate(birth, given, today))
                .extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("form.childBirthDate", "INVALID_DATE"),
                        tuple("form.motherIdNumber", "INVALID_RESIDENT_ID"));
        given.put("childBirthDate", "2026-02-28");
        given.put("motherIdNumber", "11010519491231002x");
        assertThat(FormSchemas.validate(birth, given, today)).isEmpty();
    }

    @Test
    void everyDemoItemHasAFormThatRefusesAnEmptySubmissionOrAcceptsOnlyKnownFields() {
        for (DemoCatalog.Event event : DemoCatalog.events()) {
            if (!event.type().endsWith("item-version.published.v1")) {
                continue;
            }
            Map<String, Object> form = formOf(List.of(event.subject()));
            assertThat(Forms.properties(form)).as(event.subject()).isNotEmpty();
            assertThat(FormSchemas.validate(form, Map.of("noSuchField", 1), today))
                    .as(event.subject())
                    .extracting(FieldError::code)
                    .contains("UNKNOWN_FIELD");
        }
    }

    @Test
    void applicantTypesAreTheIntersectionAndAFormlessVersionTakesNoFields() {
        assertThat(FormSchemas.applicantTypes(
                        formOf(DemoCatalog.bundle("newborn").itemCodes())))
                .containsExactly("NATURAL_PERSON");
        assertThat(FormSchemas.applicantTypes(formOf(List.of("samr-food-business-licence"))))
                .containsExactly("LEGAL_ENTITY");
        assertThat(FormSchemas.applicantTypes(formOf(List.of("samr-company-registration"))))
                .containsExactly("NATURAL_PERSON", "LEGAL_ENTITY");

        Map<String, Map<String, Object>> formless = new LinkedHashMap<>();
        formless.put("old-item", null);
        Map<String, Object> none = FormSchemas.formOf(formless);
        assertThat(FormSchemas.validate(none, Map.of(), today)).isEmpty();
        assertThat(FormSchemas.validate(none, Map.of("anything", "x"), today))
                .extracting(FieldError::code)
                .containsExactly("UNKNOWN_FIELD");
    }

    @Test
    void commitmentsCreditCodesAmountsAndPatterns() {
        Map<String, Object> form = DemoCatalog.JSON.readValue("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "properties": {
                   "noDebtsCommitment": {"type": "boolean", "const": true, "title": "承诺",
                                         "x-title": {"zh": "承诺", "en": "Commitment"}},
                   "unifiedSocialCreditCode": {"type": "string", "format": "credit-code", "title": "统一社会信用代码",
                                               "x-title": {"zh": "统一社会信用代码", "en": "Credit code"}},
                   "refundAmountYuan": {"type": "number", "exclusiveMinimum": 0, "multipleOf": 0.01, "title": "金额",
                                        "x-title": {"zh": "金额", "en": "Amount"}},
                   "bankAccountNumber": {"type": "string", "pattern": "^[0-9]{8,30}$", "title": "账号",
                                         "x-title": {"zh": "账号", "en": "Account"}}
                 },
                 "required": ["noDebtsCommitment"], "additionalProperties": false}""", Map.class);
        Map<String, Map<String, Object>> items = new LinkedHashMap<>();
        items.put("an-item", form);
        Map<String, Object> union = FormSchemas.formOf(items);

        assertThat(FormSchemas.validate(
                        union,
                        Map.of(
                                "noDebtsCommitment",
                                false,
                                "unifiedSocialCreditCode",
                                "91330106MA2B3C4D5X",
                                "refundAmountYuan",
                                10.005,
                                "bankAccountNumber",
                                "6222 0000"),
                        today))
                .extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("form.noDebtsCommitment", "NOT_THE_EXPECTED_VALUE"),
                        tuple("form.unifiedSocialCreditCode", "INVALID_CREDIT_CODE"),
                        tuple("form.refundAmountYuan", "NOT_A_MULTIPLE"),
                        tuple("form.bankAccountNumber", "PATTERN_MISMATCH"));
        assertThat(FormSchemas.validate(
                        union,
                        Map.of(
                                "noDebtsCommitment",
                                true,
                                "unifiedSocialCreditCode",
                                "91330106MA2B3C4D5D",
                                "refundAmountYuan",
                                10.05,
                                "bankAccountNumber",
                                "62220000"),
                        today))
                .isEmpty();
        assertThat(FormSchemas.validate(union, Map.of("refundAmountYuan", 0), today))
                .extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("form.noDebtsCommitment", "REQUIRED"), tuple("form.refundAmountYuan", "TOO_SMALL"));
    }
}
