package org.runonce.approval.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.Applicant;

/** Published names: natural persons partly, legal entities by their registered name; searches see nothing else. */
class MaskingTest {

    @Test
    void aNaturalPersonKeepsOnlyTheFirstAndLastCharacter() {
        assertThat(Masking.name(Applicant.NATURAL_PERSON, "王小明")).isEqualTo("王*明");
        assertThat(Masking.name(Applicant.NATURAL_PERSON, "欧阳娜娜")).isEqualTo("欧**娜");
        assertThat(Masking.name(Applicant.NATURAL_PERSON, "李四")).isEqualTo("李*");
        assertThat(Masking.name(Applicant.NATURAL_PERSON, "李")).isEqualTo("*");
        assertThat(Masking.name(Applicant.NATURAL_PERSON, " Li Si ")).isEqualTo("L***i");
        assertThat(Masking.name(null, "王小明")).isEqualTo("王*明");
        assertThat(Masking.name(Applicant.NATURAL_PERSON, null)).isEqualTo("*");
    }

    @Test
    void aLegalEntityIsNamedInFull() {
        assertThat(Masking.name(Applicant.LEGAL_ENTITY, "杭州一次办科技有限公司")).isEqualTo("杭州一次办科技有限公司");
    }

    @Test
    void theSearchTextHoldsOnlyWhatIsPublished() {
        var d = new PublishedDecision(
                "330000-2026-000000001-01",
                "330000-2026-000000001",
                "samr-company-registration",
                new Name("公司设立登记", "Company Registration"),
                "SAMR",
                "APPROVED",
                Instant.parse("2026-09-23T02:00:00Z"),
                Masking.name(Applicant.NATURAL_PERSON, "王小明"),
                Applicant.NATURAL_PERSON,
                "BUSINESS_LICENCE-000001",
                "BUSINESS_LICENCE");

        String text = Publications.searchText(d);

        assertThat(text).contains("王*明", "公司设立登记", "company registration", "business_licence-000001");
        assertThat(text).doesNotContain("王小明");
    }
}
