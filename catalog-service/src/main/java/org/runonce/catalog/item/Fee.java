package org.runonce.catalog.item;

import java.math.BigDecimal;
import org.runonce.catalog.Bilingual;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Refusal;

/**
 * One fee of an item.
 *
 * @param name what is charged
 * @param amountYuan the standard amount in yuan
 * @param unit per what, e.g. 件 / per certificate
 * @param legalBasis the document fixing the fee; a fee without one is not disclosed
 */
record Fee(Name name, BigDecimal amountYuan, String unit, String legalBasis) {

    public Fee {
        name = Bilingual.cleaned(name);
        if (amountYuan != null && amountYuan.signum() < 0) {
            throw Refusal.invalid("a fee cannot be negative");
        }
    }

    boolean disclosed() {
        return name != null && name.zh() != null && amountYuan != null && legalBasis != null && !legalBasis.isBlank();
    }
}
