package org.runonce.approval.cases;

import java.time.LocalDate;
import java.util.List;
import org.runonce.contracts.intake.MaterialReference;

/**
 * What opening a case takes.
 *
 * @param subject what it is about
 * @param promisedDays the promised working days (from intake's acceptance)
 * @param prerequisites the cases it needs
 * @param waitingFor those of them not approved yet: it waits, its clock not started
 * @param materials what was handed in
 * @param clockStart the day its clock starts when it waits for nothing
 */
record Opening(
        Subject subject,
        int promisedDays,
        Prerequisites prerequisites,
        List<String> waitingFor,
        List<MaterialReference> materials,
        LocalDate clockStart) {}
