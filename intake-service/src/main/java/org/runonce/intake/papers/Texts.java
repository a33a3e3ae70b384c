package org.runonce.intake.papers;

import org.runonce.contracts.catalog.Name;
import org.runonce.intake.application.Notice;

/** What notices and receipts say, in Chinese (authoritative) or English. */
final class Texts {

    private Texts() {}

    static String name(Name name, boolean english) {
        if (name == null) {
            return "";
        }
        return english && name.en() != null ? name.en() : name.zh();
    }

    static String cause(String cause, boolean english) {
        if (cause == null) {
            return "";
        }
        return switch (cause) {
            case Notice.SUPPLIED_AFTER_NOTICE ->
                english ? "Handed in after the earlier notice; it could not be checked before." : "在前次告知后补正提交，此前无法审核。";
            case Notice.CHANGED_SINCE_NOTICE -> english ? "Changed since the earlier notice." : "前次告知后情况发生变化。";
            default -> cause;
        };
    }
}
