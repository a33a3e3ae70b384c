package org.runonce.approval.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * The parts a case owns, loaded and saved with it.
 *
 * @param assignment who works on it
 * @param stopwatch its clock with the pauses
 * @param supplements its supplement requests
 * @param materials its materials
 * @param prerequisites the cases it needs
 */
record CaseParts(
        Assignment assignment,
        Stopwatch stopwatch,
        Supplements supplements,
        CaseMaterials materials,
        Prerequisites prerequisites) {

    /** The parts of a case opened now: nobody on it, its clock started on {@code clockStart} (or not yet when null). */
    static CaseParts fresh(String number, int promisedDays, LocalDate clockStart, Prerequisites prerequisites) {
        return new CaseParts(
                new Assignment(number, null, null),
                Stopwatch.of(promisedDays, clockStart),
                new Supplements(number, Supplements.SecondApproval.NONE, List.of()),
                new CaseMaterials(List.of()),
                prerequisites);
    }
}
