package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.Applicant;
import org.runonce.intake.completeness.MaterialState;
import org.runonce.intake.completeness.Provision;

/**
 * One view of an application for the applicant and the clerks: its materials and what the check found, its notices,
 * its acceptance and receipt, every case's status across departments, visits, delivery and evaluation, and the
 * commitment the applicant signed (告知承诺制), if any, and its online pre-review (网上预审): rounds, due date and the
 * originals to bring.
 */
public record ApplicationView(
        String number,
        ApplicationStatus status,
        Channel channel,
        String region,
        String acceptingRegion,
        String bundleCode,
        Name bundleName,
        List<ItemView> items,
        Applicant applicant,
        String filedBy,
        Records.IdentityCheck identityCheck,
        Instant submittedAt,
        Map<String, Object> form,
        List<MaterialView> materials,
        List<NoticeView> notices,
        AcceptanceView acceptance,
        List<CaseView> cases,
        Records.Refusal refusal,
        Records.Withdrawal withdrawal,
        int visits,
        boolean multipleVisits,
        List<Records.Visit> visitLog,
        Instant completedAt,
        List<String> deliveryOptions,
        Records.DeliveryChoice deliveryChoice,
        Records.Delivery delivery,
        Records.Evaluation evaluation,
        org.runonce.intake.completeness.Commitment commitment,
        PreReview preReview) {

    /**
     * The region of the window or service point that accepted an application: its number's, {@code
     * <region>-<year>-<sequence>} (就近办、异地办: the region handling it is {@code region}).
     */
    static String acceptingRegion(String number) {
        int dash = number.indexOf('-');
        return dash < 0 ? null : number.substring(0, dash);
    }

    /**
     * @param itemCode the item
     * @param version the pinned version
     * @param name its name
     * @param departmentCode its department
     * @param formSchema the catalog's form of that version, which the application's form was checked against
     */
    record ItemView(String itemCode, int version, Name name, String departmentCode, String formSchema) {}

    /**
     * @param code material code
     * @param name its name
     * @param required whether needed at all
     * @param outcome PROVIDED, PRODUCED_IN_BUNDLE, NOT_USED, MISSING, DEFICIENT or COMMITTED (replaced by the
     *     applicant's commitment, 告知承诺)
     * @param reason why MISSING or DEFICIENT
     * @param key key material for an item lacking it
     * @param neededBy items lacking it
     * @param templateUrl form or example
     * @param documentId the document handed in
     * @param certificateNumber the e-certificate given
     * @param producedBy the bundle item that will produce it
     */
    record MaterialView(
            String code,
            Name name,
            boolean required,
            MaterialState.Outcome outcome,
            String reason,
            boolean key,
            List<String> neededBy,
            String templateUrl,
            String documentId,
            String certificateNumber,
            String producedBy) {}

    /**
     * @param number notice number
     * @param second flagged second notice
     * @param issuedAt when
     * @param acceptableWithPledge whether 容缺 is possible
     * @param items what is missing or deficient
     * @param documentPath where to download it
     */
    record NoticeView(
            String number,
            boolean second,
            Instant issuedAt,
            boolean acceptableWithPledge,
            List<Notice.Item> items,
            String documentPath) {}

    /**
     * @param acceptedAt when
     * @param acceptedBy who
     * @param promisedWorkingDays along the critical path
     * @param promisedCompletionDate on the working-day calendar
     * @param withDeficiencies 容缺
     * @param pledgeDate the pledge
     * @param missingMaterials still missing
     * @param pledgeOverdue whether the pledge date passed with materials missing
     * @param receiptPath where to download the receipt
     */
    record AcceptanceView(
            Instant acceptedAt,
            String acceptedBy,
            int promisedWorkingDays,
            LocalDate promisedCompletionDate,
            boolean withDeficiencies,
            LocalDate pledgeDate,
            List<String> missingMaterials,
            boolean pledgeOverdue,
            String receiptPath) {}

    /**
     * @param caseNumber the case
     * @param itemCode its item
     * @param itemVersion pinned version
     * @param departmentCode its department
     * @param departmentName the department's name, when known
     * @param dependsOn cases it waits for
     * @param promisedWorkingDays its time limit
     * @param status its status in the department
     * @param certificateNumber the certificate issued
     * @param statusAt since when
     * @param step the procedure step it is in (e.g. REVIEW, DECISION), once its department started it
     * @param heldBy the reviewer holding it, or null while it waits in the department's queue
     * @param dueDate the last working day to decide on time (moved back by suspended days), once the clock started
     * @param workingDaysLeft working days left, negative when overdue
     * @param clockRunning whether the clock runs now
     * @param overdue whether the promised time limit passed undecided
     * @param suspensions the special procedures (特别程序) it went through
     * @param supplementRequests what the department asked the applicant to supplement, answered or open
     */
    record CaseView(
            String caseNumber,
            String itemCode,
            int itemVersion,
            String departmentCode,
            Name departmentName,
            List<String> dependsOn,
            int promisedWorkingDays,
            String status,
            String certificateNumber,
            Instant statusAt,
            String step,
            String heldBy,
            LocalDate dueDate,
            Integer workingDaysLeft,
            boolean clockRunning,
            boolean overdue,
            List<CaseTrack.Suspension> suspensions,
            List<CaseTrack.DepartmentRequest> supplementRequests) {

        static CaseView of(CaseTrack c, Name departmentName) {
            CaseTrack.Progress p = c.progress();
            return new CaseView(
                    c.caseNumber(),
                    c.itemCode(),
                    c.itemVersion(),
                    c.departmentCode(),
                    departmentName,
                    c.dependsOn(),
                    c.promisedWorkingDays(),
                    c.status(),
                    c.certificateNumber(),
                    c.statusAt(),
                    p == null ? null : p.step(),
                    p == null ? null : p.heldBy(),
                    p == null ? null : p.dueDate(),
                    p == null || p.dueDate() == null ? null : p.workingDaysLeft(),
                    p != null && p.clockRunning(),
                    p != null && p.overdue(),
                    c.suspensions(),
                    c.requests());
        }
    }

    /** The API path of an application. */
    public static String path(String number) {
        return "/api/intake/applications/" + number;
    }

    static ApplicationView of(Application application, Function<String, Name> departmentName) {
        ApplicationSnapshot s = application.snapshot();
        Map<String, Provision> provisions = s.provisions();
        List<MaterialView> materials = s.requirements().materials().stream()
                .map(r -> {
                    MaterialState state = s.states().stream()
                            .filter(m -> m.code().equals(r.code()))
                            .findFirst()
                            .orElse(null);
                    Provision p = provisions.get(r.code());
                    return new MaterialView(
                            r.code(),
                            r.name(),
                            r.required(),
                            state == null ? null : state.outcome(),
                            state == null ? null : state.reason(),
                            state != null && state.key(),
                            state == null ? List.of() : state.neededBy(),
                            r.templateUrl(),
                            p == null || p.documentId() == null
                                    ? null
                                    : p.documentId().toString(),
                            p == null || p.certificate() == null
                                    ? null
                                    : p.certificate().number(),
                            p == null ? null : p.producedBy());
                })
                .toList();
        Acceptance a = s.acceptance();
        return new ApplicationView(
                s.number(),
                s.status(),
                s.channel(),
                s.region(),
                acceptingRegion(s.number()),
                s.bundleCode(),
                s.bundleName(),
                s.requirements().items().stream()
                        .map(i -> new ItemView(
                                i.itemCode(),
                                i.version(),
                                i.name(),
                                i.departmentCode(),
                                "/api/catalog/items/" + i.itemCode() + "/versions/" + i.version() + "/form"))
                        .toList(),
                s.applicant().toContract(),
                s.filedBy() == null ? null : s.filedBy().username(),
                s.identityCheck(),
                s.submittedAt(),
                s.form(),
                materials,
                s.notices().stream()
                        .map(n -> new NoticeView(
                                n.number(),
                                n.second(),
                                n.issuedAt(),
                                n.acceptableWithPledge(),
                                n.items(),
                                path(s.number()) + "/notices/" + n.number() + "/document"))
                        .toList(),
                a == null
                        ? null
                        : new AcceptanceView(
                                a.acceptedAt(),
                                a.acceptedBy(),
                                a.promisedWorkingDays(),
                                a.promisedDate(),
                                a.withDeficiencies(),
                                a.pledgeDate(),
                                a.missing(),
                                a.pledgeOverdueAt() != null && !a.missing().isEmpty(),
                                path(s.number()) + "/receipt"),
                s.cases().stream()
                        .map(c -> CaseView.of(c, departmentName.apply(c.departmentCode())))
                        .toList(),
                s.refusal(),
                s.withdrawal(),
                application.visitCount(),
                application.visitCount() > 1,
                s.visits(),
                s.completedAt(),
                application.deliveryOptions(),
                s.deliveryChoice(),
                s.delivery(),
                s.evaluation(),
                s.requirements().commitment(),
                s.preReview());
    }
}
