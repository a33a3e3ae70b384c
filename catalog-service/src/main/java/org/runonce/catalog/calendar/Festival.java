package org.runonce.catalog.calendar;

import java.time.LocalDate;
import java.util.List;
import org.runonce.catalog.Bilingual;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Refusal;

/**
 * One public holiday period as the State Council announces it, e.g. 国庆节 10-01..10-07 with make-up working days
 * 09-20 and 10-10.
 *
 * @param name e.g. 春节 / Spring Festival
 * @param from first rest day
 * @param to last rest day (inclusive)
 * @param makeUpWorkingDays weekend days that become working days (调休)
 */
public record Festival(Name name, LocalDate from, LocalDate to, List<LocalDate> makeUpWorkingDays) {

    public Festival {
        name = Bilingual.cleaned(name);
        if (!Bilingual.complete(name)) {
            throw Refusal.invalid("a holiday needs a name in Chinese and English");
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw Refusal.invalid("holiday " + name.en() + " needs from <= to");
        }
        if (from.plusDays(31).isBefore(to)) {
            throw Refusal.invalid("holiday " + name.en() + " is longer than a month");
        }
        makeUpWorkingDays = makeUpWorkingDays == null ? List.of() : List.copyOf(makeUpWorkingDays);
    }

    /** Every rest day of the period. */
    public List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
