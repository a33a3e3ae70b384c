package org.runonce.intake.application;

import java.time.LocalDate;
import org.runonce.contracts.catalog.Name;

/** What notices and receipts say, in Chinese (authoritative) or English. */
final class Texts {

    private Texts() {}

    static String name(Name name, boolean english) {
        if (name == null) {
            return "";
        }
        return english && name.en() != null ? name.en() : name.zh();
    }

    /** Why a material is listed in a notice, in words the applicant can act on. */
    static String reason(String reason, LocalDate expiredOn, boolean english) {
        return switch (reason) {
            case Completeness.MISSING -> english ? "Not handed in." : "未提交。";
            case Completeness.DOCUMENT_UNREADABLE ->
                english
                        ? "The uploaded file cannot be read (damaged or incomplete); upload it again."
                        : "上传的文件无法读取（已损坏或不完整），请重新上传。";
            case Completeness.CERTIFICATE_EXPIRED ->
                english
                        ? "The e-certificate expired on " + expiredOn + "; give a valid one or upload the document."
                        : "电子证照已于 " + expiredOn + " 失效，请提供有效证照或上传材料。";
            case Completeness.CERTIFICATE_HOLDER_MISMATCH ->
                english ? "The e-certificate is not issued to the applicant." : "电子证照持有人与申请人不一致。";
            case Completeness.CERTIFICATE_TYPE_MISMATCH ->
                english ? "The e-certificate is not of the kind this material requires." : "电子证照类型与该材料要求不符。";
            default -> reason;
        };
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
