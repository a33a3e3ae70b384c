package org.runonce.approval.cases;

import java.time.Instant;
import java.util.List;
import org.runonce.contracts.intake.Applicant;
import org.runonce.contracts.intake.ApplicationAccepted;

/**
 * Open the cases of an accepted application: what approval takes from intake's {@code ApplicationAccepted} (or from
 * a window decision), in the contract's vocabulary. Department, region and promised working days come from here,
 * never from approval's catalog copy: the acceptance is their one source.
 *
 * @param applicationNumber the application
 * @param bundleCode the bundle, or null for a single item
 * @param applicant who applied
 * @param region region code whose working-day calendar clocks the cases, or null (a window decision: then the
 *     department's region)
 * @param acceptedAt when the application was accepted: the clocks of cases that wait for nothing start that day
 * @param cases one per item, in the contract's words (department, pinned version, promised days, dependencies,
 *     materials)
 */
public record OpenCases(
        String applicationNumber,
        String bundleCode,
        Applicant applicant,
        String region,
        Instant acceptedAt,
        List<ApplicationAccepted.Case> cases) {

    public OpenCases {
        cases = List.copyOf(cases);
    }
}
