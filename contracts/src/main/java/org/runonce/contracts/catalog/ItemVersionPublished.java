package org.runonce.contracts.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A version of an item's service guide was published: everything intake and approval need for their local copy
 * (completeness check, 容缺 decisions, time limits, review steps, certificates). Published content never changes; a
 * later {@link ItemVersionRetired} may only end its validity earlier. Subject and Kafka key: the item code;
 * {@code department} extension: the owning department. Enumerated values are strings so new values do not break
 * consumers; the schema lists the current ones.
 *
 * @param itemCode stable item code, e.g. {@code samr-company-registration}
 * @param version version number within the item, from 1
 * @param validFrom first day this version is in force
 * @param validTo last day it is in force (inclusive), or null when open-ended
 * @param publishedAt when it was published
 * @param kind LICENCE, CONFIRMATION, PUBLIC_SERVICE or OTHER
 * @param departmentCode the owning department, e.g. SAMR
 * @param name the item's name
 * @param legalBasis laws and regulations (法律依据)
 * @param acceptanceConditions conditions for applying (申请条件)
 * @param steps the procedure in order; approval drives its review by them
 * @param materials what the applicant hands in
 * @param fees free, or each fee with its legal basis
 * @param timeLimits statutory and promised working days, counted from acceptance; special procedures stop the clock
 * @param handlingMode ZERO_VISIT, RUN_ONCE, IMMEDIATE, ONLINE_PRE_REVIEW or MULTIPLE_VISITS
 * @param visitsRequired physical visits the applicant needs
 * @param result the certificate issued, or null when none is
 * @param deliveryOptions WINDOW_PICKUP, MAIL, ELECTRONIC
 * @param consultationChannels where to ask
 * @param complaintChannels where to complain
 * @param form the application form of this version: a JSON Schema (2020-12) of the object the applicant fills in,
 *     with the RunOnce annotations described in {@code schemas/catalog/form.schema.json} (bilingual titles, who may
 *     apply, which certificate field or earlier application prefills a field). Immutable with the version; an
 *     application is validated against the form of the version it was filed under. Null in events published before
 *     forms moved to the catalog: such a version takes no form fields.
 * @param commitment commitment approval (告知承诺制) for this version, or null when the item is not marked (and in
 *     events published before it existed)
 */
public record ItemVersionPublished(
        String itemCode,
        int version,
        LocalDate validFrom,
        LocalDate validTo,
        Instant publishedAt,
        String kind,
        String departmentCode,
        Name name,
        List<String> legalBasis,
        List<String> acceptanceConditions,
        List<Step> steps,
        List<Material> materials,
        Fees fees,
        TimeLimits timeLimits,
        String handlingMode,
        int visitsRequired,
        Result result,
        List<String> deliveryOptions,
        List<Channel> consultationChannels,
        List<Channel> complaintChannels,
        Map<String, Object> form,
        Commitment commitment) {

    /** A version published without commitment approval (the shape before it existed). */
    public ItemVersionPublished(
            String itemCode,
            int version,
            LocalDate validFrom,
            LocalDate validTo,
            Instant publishedAt,
            String kind,
            String departmentCode,
            Name name,
            List<String> legalBasis,
            List<String> acceptanceConditions,
            List<Step> steps,
            List<Material> materials,
            Fees fees,
            TimeLimits timeLimits,
            String handlingMode,
            int visitsRequired,
            Result result,
            List<String> deliveryOptions,
            List<Channel> consultationChannels,
            List<Channel> complaintChannels,
            Map<String, Object> form) {
        this(
                itemCode,
                version,
                validFrom,
                validTo,
                publishedAt,
                kind,
                departmentCode,
                name,
                legalBasis,
                acceptanceConditions,
                steps,
                materials,
                fees,
                timeLimits,
                handlingMode,
                visitsRequired,
                result,
                deliveryOptions,
                consultationChannels,
                complaintChannels,
                form,
                null);
    }

    /** CloudEvents type. */
    public static final String TYPE = "org.runonce.catalog.item-version.published.v1";

    /**
     * One procedure step.
     *
     * @param code stable within the item, e.g. ACCEPT, REVIEW, DECIDE
     * @param name the step's name
     * @param description what happens
     * @param specialProcedures SITE_INSPECTION, EXPERT_REVIEW, PUBLIC_NOTICE: the clock stops while they run
     */
    public record Step(String code, Name name, String description, List<String> specialProcedures) {}

    /**
     * One material.
     *
     * @param code shared across items: the same material has the same code everywhere
     * @param name the material's name
     * @param required whether the application is incomplete without it
     * @param key a missing key material blocks acceptance; a missing non-key required one allows 容缺受理
     * @param form ORIGINAL, COPY, ORIGINAL_AND_COPY or ELECTRONIC
     * @param copies number of copies, or null
     * @param templateUrl link to a form or example, or null
     * @param satisfiedByCertificateOf code of the item whose e-certificate satisfies it, or null
     * @param note remark for the applicant, or null
     */
    public record Material(
            String code,
            Name name,
            boolean required,
            boolean key,
            String form,
            Integer copies,
            String templateUrl,
            String satisfiedByCertificateOf,
            String note) {}

    /**
     * Fee disclosure.
     *
     * @param free whether the item is free of charge
     * @param items the fees otherwise
     */
    public record Fees(boolean free, List<Fee> items) {}

    /**
     * One fee.
     *
     * @param name what is charged
     * @param amountYuan amount in yuan
     * @param unit per what, or null
     * @param legalBasis the document fixing it
     */
    public record Fee(Name name, BigDecimal amountYuan, String unit, String legalBasis) {}

    /**
     * Time limits in working days.
     *
     * @param statutoryWorkingDays 法定时限
     * @param promisedWorkingDays 承诺时限, at most 70% of the statutory one
     */
    public record TimeLimits(int statutoryWorkingDays, int promisedWorkingDays) {}

    /**
     * The result of the item.
     *
     * @param certificateType stable certificate type code, e.g. BUSINESS_LICENCE
     * @param name the certificate's name
     * @param electronic whether an e-certificate is issued
     */
    public record Result(String certificateType, Name name, boolean electronic) {}

    /**
     * Commitment approval (告知承诺制): the applicant may sign {@code statement} instead of handing in
     * {@code materials}; the case is decided without them and a post-approval check (事后核查) is due within
     * {@code checkWithinWorkingDays} working days of the decision, on the department region's calendar.
     *
     * @param statement the commitment the applicant signs (承诺书)
     * @param materials codes of the version's required materials the commitment replaces
     * @param checkWithinWorkingDays working days after the decision within which the department checks
     */
    public record Commitment(Name statement, List<String> materials, int checkWithinWorkingDays) {}

    /**
     * A consultation or complaint channel.
     *
     * @param type PHONE, WINDOW, ONLINE, EMAIL or POST
     * @param value number, address or URL
     * @param note remark, or null
     */
    public record Channel(String type, String value, String note) {}
}
