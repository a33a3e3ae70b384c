package org.runonce.intake.completeness;

import java.time.LocalDate;

/** Why a material is deficient, in words the applicant can act on: Chinese (authoritative) or English. */
public final class Reasons {

    private Reasons() {}

    /** The words for a reason of {@link Completeness}; an unknown reason as it is. */
    public static String text(String reason, LocalDate expiredOn, boolean english) {
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
            // a window clerk's online pre-review finding (网上预审); the clerk's note says what
            case "CONTENT_INCORRECT" ->
                english ? "Incorrect or not as required; correct it as noted." : "内容有误或不符合要求，请按预审意见更正。";
            default -> reason;
        };
    }
}
