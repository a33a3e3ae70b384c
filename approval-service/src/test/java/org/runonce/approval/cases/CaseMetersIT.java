package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.runonce.approval.RunningApproval;
import org.springframework.beans.factory.annotation.Autowired;

/** The queue gauges of the dashboard count the open cases by status and the overdue ones, from the database. */
class CaseMetersIT extends RunningApproval {

    @Autowired
    CaseMeters meters;

    @Autowired
    MeterRegistry registry;

    @Autowired
    DeadlineWatch deadlines;

    @Test
    void theGaugesCountOpenCasesByStatusAndThoseOverdue() {
        clock.setDay("2027-03-01");
        deadlines.check(); // whatever other tests left due by then is raised now
        meters.expire();
        double overdueBefore = overdue();
        double pendingBefore = open("PENDING");
        double decidedBefore = registry.find("runonce.cases")
                .tag("status", "APPROVED")
                .gauges()
                .size();

        String late = foodLicenceAcceptedOn("2027-02-01"); // 5 working days promised: overdue by March
        String fresh = foodLicenceAcceptedOn("2027-03-01");
        assertThat(status(late)).isEqualTo("PENDING");
        assertThat(status(fresh)).isEqualTo("PENDING");
        assertThat(deadlines.check()).contains(late + ":OVERDUE").noneMatch(r -> r.startsWith(fresh));

        meters.expire();
        assertThat(open("PENDING") - pendingBefore).isEqualTo(2);
        assertThat(overdue() - overdueBefore).isEqualTo(1);
        assertThat(decidedBefore).as("no gauge for decided cases").isZero();
    }

    private double open(String status) {
        return registry.get("runonce.cases").tag("status", status).gauge().value();
    }

    private double overdue() {
        return registry.get("runonce.cases.overdue").gauge().value();
    }

    private String status(String number) {
        return jdbc.sql("select status from approval_case where number = ?")
                .param(number)
                .query(String.class)
                .single();
    }
}
