package org.runonce.catalog.item;

import java.util.List;
import org.runonce.catalog.Bilingual;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Refusal;

/**
 * One step of the procedure (办事程序), in order.
 *
 * @param code stable code within the item, e.g. ACCEPT, REVIEW, DECIDE, ISSUE
 * @param name the step's name
 * @param description what happens, for applicants
 * @param specialProcedures special procedures this step may need; their duration stops the clock
 */
record ProcedureStep(String code, Name name, String description, List<SpecialProcedure> specialProcedures) {

    public ProcedureStep {
        name = Bilingual.cleaned(name);
        if (code == null || code.isBlank()) {
            throw Refusal.invalid("a procedure step needs a code");
        }
        specialProcedures = specialProcedures == null ? List.of() : List.copyOf(specialProcedures);
    }
}
