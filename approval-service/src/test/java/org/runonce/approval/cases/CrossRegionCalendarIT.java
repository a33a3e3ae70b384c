package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.approval.Tokens;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.catalog.CalendarPublished;
import org.runonce.contracts.catalog.DepartmentChanged;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.MaterialReference;

/**
 * 就近办、异地办、跨区域通办: a case of another region's department (accepted by a window elsewhere) runs on the calendar
 * of the region intake hands it to, the acceptance's {@code region}, which intake sets to the handling region: two
 * regions with different holidays give different due dates for the same days. Ningbo (330200) rests on Monday 23 and
 * Tuesday 24 November 2026, Jiangsu (320000) works Saturday 21 and rests Friday 27; Zhejiang (330000) neither.
 */
class CrossRegionCalendarIT extends RunningApproval {

    @Test
    void aCaseOfAnotherRegionsDepartmentIsDueOnThatRegionsCalendar() throws Exception {
        region("330200", "NBHRSS", List.of("2026-11-23", "2026-11-24"), List.of());
        region("320000", "JSHSA", List.of("2026-11-27"), List.of("2026-11-21"));
        clock.setDay("2026-11-20"); // a Friday

        String ningbo = open("330200", "it-nb-unemployment-registration", "NBHRSS", 3);
        String jiangsu = open("320000", "it-js-medical-insurance-transfer", "JSHSA", 5);
        String zhejiang3 = open("330000", Fixtures.FOOD, "SAMR", 3);
        String zhejiang5 = open("330000", Fixtures.FOOD, "SAMR", 5);

        assertThat(dueDate(ningbo, "NBHRSS")).isEqualTo("2026-11-27"); // Wed 25, Thu 26, Fri 27
        assertThat(dueDate(zhejiang3, "SAMR")).isEqualTo("2026-11-25"); // Mon 23, Tue 24, Wed 25
        assertThat(dueDate(jiangsu, "JSHSA")).isEqualTo("2026-11-26"); // Sat 21, Mon 23 ... Thu 26
        assertThat(dueDate(zhejiang5, "SAMR")).isEqualTo("2026-11-27"); // Mon 23 ... Fri 27

        // a county (330106) without a calendar of its own, whose township service point accepted for its department,
        // follows the province's: from Wednesday 30 September, National Day, then the make-up Saturday 10 October
        apply(
                DepartmentChanged.TYPE,
                "XHCA",
                new DepartmentChanged(
                        "XHCA", 1, new Name("西湖区民政局", "Xihu Civil Affairs"), "330106", null, Fixtures.PUBLISHED));
        clock.setDay("2026-09-30");
        String county = open("330106", "it-xh-marriage-certificate-copy", "XHCA", 3);
        assertThat(dueDate(county, "XHCA")).isEqualTo("2026-10-10"); // Mon to Fri would give Monday 5 October

        // the case is the handling department's: another department does not see it
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(CASES + ningbo)
                                .with(Tokens.reviewer("SAMR", "li.shen")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    /** A region's department, its 2026 calendar (the national one plus local days) and an item of the department. */
    private void region(String region, String department, List<String> restDays, List<String> workedWeekendDays) {
        CalendarPublished national = Fixtures.calendar2026();
        List<LocalDate> holidays = new ArrayList<>(national.holidays());
        restDays.forEach(d -> holidays.add(LocalDate.parse(d)));
        List<LocalDate> makeUp = new ArrayList<>(national.makeUpWorkingDays());
        workedWeekendDays.forEach(d -> makeUp.add(LocalDate.parse(d)));
        apply(
                DepartmentChanged.TYPE,
                department,
                new DepartmentChanged(
                        department, 1, new Name(department, department), region, null, Fixtures.PUBLISHED));
        apply(
                CalendarPublished.TYPE,
                region,
                new CalendarPublished(region, 2026, 1, true, holidays, makeUp, List.of(), Fixtures.PUBLISHED));
    }

    private void apply(String type, String subject, Object data) {
        catalog.apply(CloudEvent.<Object>of(
                        UUID.randomUUID().toString(), "/runonce/catalog", type, Fixtures.PUBLISHED, subject, data)
                .withData(Fixtures.JSON.valueToTree(data)));
    }

    /** Opens a one-case application handled in {@code region}, as intake's acceptance of it does. */
    private String open(String region, String item, String department, int promisedDays) {
        if (item.startsWith("it-")) {
            ItemVersionPublished version = Fixtures.item(
                    item, department, "ZERO_VISIT", promisedDays, Fixtures.FULL, List.of(), null, item, item);
            apply(ItemVersionPublished.TYPE, item, version);
        }
        String app = "330100-2026-" + UUID.randomUUID().toString().substring(0, 8);
        opening.open(new OpenCases(
                app,
                null,
                Fixtures.applicant(),
                region,
                clock.instant(),
                List.of(new ApplicationAccepted.Case(
                        app + "-01",
                        item,
                        1,
                        department,
                        List.of(),
                        promisedDays,
                        List.of(new MaterialReference(
                                "ID_CARD", UUID.randomUUID().toString(), null, null))))));
        return app + "-01";
    }

    private String dueDate(String caseNumber, String department) throws Exception {
        return getJson(CASES + caseNumber, Tokens.reviewer(department, "reviewer-" + department.toLowerCase()))
                .get("clock")
                .get("dueDate")
                .asString();
    }
}
