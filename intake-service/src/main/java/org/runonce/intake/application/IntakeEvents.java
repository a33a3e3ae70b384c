package org.runonce.intake.application;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.runonce.contracts.intake.Applicant;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationCompleted;
import org.runonce.contracts.intake.ApplicationEvaluated;
import org.runonce.contracts.intake.ApplicationMaterialsSupplied;
import org.runonce.contracts.intake.ApplicationPledgeOverdue;
import org.runonce.contracts.intake.ApplicationPreReviewPassed;
import org.runonce.contracts.intake.ApplicationRatingFollowedUp;
import org.runonce.contracts.intake.ApplicationRefused;
import org.runonce.contracts.intake.ApplicationResultDelivered;
import org.runonce.contracts.intake.ApplicationSubmitted;
import org.runonce.contracts.intake.ApplicationSupplementRequested;
import org.runonce.contracts.intake.ApplicationWithdrawn;
import org.runonce.contracts.intake.Deficiency;
import org.runonce.contracts.intake.MaterialReference;
import org.runonce.intake.completeness.Reasons;

/**
 * The one place where an application's events become the contract records of {@code org.runonce.contracts.intake}
 * that other services read (topic {@code runonce.intake.v1}, subject = application number).
 */
final class IntakeEvents {

    /**
     * An event as it is published.
     *
     * @param type the CloudEvents type, the contract's {@code TYPE}
     * @param data the contract record
     */
    record Outgoing(String type, Object data) {}

    private IntakeEvents() {}

    /** The contract record of an event the application recorded. */
    /** @param ratingPath the applicant's rating link, told with a completion or a refusal */
    static Outgoing of(Application application, ApplicationEvent event, String ratingPath) {
        ApplicationSnapshot s = application.snapshot();
        Applicant applicant = s.applicant().toContract();
        String filedBy = s.filedBy() == null ? null : s.filedBy().username();
        return switch (event) {
            case ApplicationEvent.Submitted e ->
                new Outgoing(
                        ApplicationSubmitted.TYPE,
                        new ApplicationSubmitted(
                                s.number(),
                                s.bundleCode(),
                                s.requirements().itemCodes(),
                                s.channel().name(),
                                s.region(),
                                applicant,
                                filedBy,
                                e.at()));
            case ApplicationEvent.SupplementRequested e ->
                new Outgoing(ApplicationSupplementRequested.TYPE, supplementRequested(s, e.notice()));
            case ApplicationEvent.PreReviewPassed e ->
                new Outgoing(
                        ApplicationPreReviewPassed.TYPE,
                        new ApplicationPreReviewPassed(
                                s.number(),
                                e.originals().stream()
                                        .map(o -> new ApplicationPreReviewPassed.Original(
                                                o.materialCode(), o.name(), o.form()))
                                        .toList(),
                                e.round().note(),
                                e.round().answeredBy(),
                                applicant,
                                e.round().answeredAt()));
            case ApplicationEvent.Accepted e -> new Outgoing(ApplicationAccepted.TYPE, accepted(s, e));
            case ApplicationEvent.Refused e ->
                new Outgoing(
                        ApplicationRefused.TYPE,
                        new ApplicationRefused(
                                s.number(),
                                e.refusal().reason(),
                                e.refusal().legalBasis(),
                                e.refusal().refusedBy(),
                                applicant,
                                e.refusal().refusedAt(),
                                ratingPath));
            case ApplicationEvent.Withdrawn e ->
                new Outgoing(
                        ApplicationWithdrawn.TYPE,
                        new ApplicationWithdrawn(
                                s.number(),
                                e.withdrawal().reason(),
                                e.caseNumbers(),
                                e.withdrawal().withdrawnBy(),
                                e.withdrawal().withdrawnAt(),
                                e.withdrawal().confirmedByApplicant()));
            case ApplicationEvent.PledgeOverdue e ->
                new Outgoing(
                        ApplicationPledgeOverdue.TYPE,
                        new ApplicationPledgeOverdue(
                                s.number(), e.pledgeDate(), e.missing(), e.caseNumbers(), applicant, e.at()));
            case ApplicationEvent.MaterialsSupplied e ->
                new Outgoing(
                        ApplicationMaterialsSupplied.TYPE,
                        new ApplicationMaterialsSupplied(
                                s.number(),
                                e.cases().stream()
                                        .map(c -> new ApplicationMaterialsSupplied.CaseMaterials(
                                                c.caseNumber(), references(c.materials())))
                                        .toList(),
                                e.stillMissing(),
                                e.at()));
            case ApplicationEvent.Completed e ->
                new Outgoing(
                        ApplicationCompleted.TYPE,
                        new ApplicationCompleted(
                                s.number(),
                                e.cases().stream()
                                        .map(c -> new ApplicationCompleted.CaseOutcome(
                                                c.caseNumber(),
                                                c.itemCode(),
                                                c.departmentCode(),
                                                c.status(),
                                                c.certificateNumber()))
                                        .toList(),
                                applicant,
                                e.at(),
                                application.visitCount(),
                                ratingPath));
            case ApplicationEvent.ResultDelivered e ->
                new Outgoing(
                        ApplicationResultDelivered.TYPE,
                        new ApplicationResultDelivered(
                                s.number(),
                                e.delivery().method(),
                                e.delivery().trackingNumber(),
                                e.delivery().address(),
                                e.delivery().deliveredBy(),
                                applicant,
                                e.delivery().deliveredAt(),
                                s.cases().stream()
                                        .map(CaseTrack::certificateNumber)
                                        .filter(java.util.Objects::nonNull)
                                        .toList()));
            case ApplicationEvent.Evaluated e ->
                new Outgoing(
                        ApplicationEvaluated.TYPE,
                        new ApplicationEvaluated(
                                s.number(),
                                e.evaluation().rating(),
                                e.evaluation().comment(),
                                e.departmentCodes(),
                                e.evaluation().followUpDue(),
                                e.evaluation().evaluatedAt()));
            case ApplicationEvent.RatingFollowedUp e ->
                new Outgoing(
                        ApplicationRatingFollowedUp.TYPE,
                        new ApplicationRatingFollowedUp(
                                s.number(),
                                e.followUp().department(),
                                e.followUp().by(),
                                e.followUp().note(),
                                e.followUp().at()));
        };
    }

    private static ApplicationSupplementRequested supplementRequested(ApplicationSnapshot s, Notice notice) {
        boolean english = s.applicant().english();
        return new ApplicationSupplementRequested(
                s.number(),
                notice.number(),
                notice.second(),
                notice.items().stream()
                        .map(i -> new Deficiency(
                                i.materialCode(),
                                i.name(),
                                i.reason(),
                                // a pre-review's finding (网上预审) says what to change in the clerk's words
                                i.note() == null
                                        ? Reasons.text(i.reason(), i.expiredOn(), english)
                                        : Reasons.text(i.reason(), i.expiredOn(), english) + " " + i.note(),
                                i.templateUrl(),
                                i.key(),
                                i.neededBy()))
                        .toList(),
                notice.acceptableWithPledge(),
                ApplicationView.path(s.number()) + "/notices/" + notice.number() + "/document",
                s.applicant().toContract(),
                notice.issuedAt());
    }

    private static ApplicationAccepted accepted(ApplicationSnapshot s, ApplicationEvent.Accepted e) {
        Map<String, String> caseOfItem =
                e.cases().stream().collect(Collectors.toMap(CaseTrack::itemCode, CaseTrack::caseNumber));
        Acceptance a = e.acceptance();
        return new ApplicationAccepted(
                s.number(),
                s.bundleCode(),
                s.applicant().toContract(),
                s.channel().name(),
                s.region(),
                s.filedBy() == null ? null : s.filedBy().username(),
                a.acceptedAt(),
                a.promisedWorkingDays(),
                a.promisedDate(),
                a.withDeficiencies(),
                a.pledgeDate(),
                e.missing().stream()
                        .map(m -> new ApplicationAccepted.MissingMaterial(
                                m.code(),
                                s.requirements()
                                        .material(m.code())
                                        .orElseThrow(() -> new IllegalStateException(
                                                "no requirement " + m.code() + " in " + s.number()))
                                        .name(),
                                m.neededBy().stream().map(caseOfItem::get).toList()))
                        .toList(),
                s.form(),
                e.cases().stream()
                        .map(c -> new ApplicationAccepted.Case(
                                c.caseNumber(),
                                c.itemCode(),
                                c.itemVersion(),
                                c.departmentCode(),
                                c.dependsOn(),
                                c.promisedWorkingDays(),
                                references(c.materials()),
                                committed(s, c)))
                        .toList(),
                s.requirements().commitment() == null
                        ? null
                        : new ApplicationAccepted.Commitment(
                                s.requirements().commitment().statement(),
                                s.requirements().commitment().signedAt(),
                                s.requirements().commitment().signedBy(),
                                s.requirements().commitment().takenBy()));
    }

    /** The materials the applicant's commitment replaces for the case (not handed in after all), or null: none. */
    private static List<String> committed(ApplicationSnapshot s, CaseTrack c) {
        List<String> handedIn = c.materials().stream().map(CaseMaterial::code).toList();
        List<String> committed = s.requirements().committedMaterials(c.itemCode()).stream()
                .filter(code -> !handedIn.contains(code))
                .toList();
        return committed.isEmpty() ? null : committed;
    }

    private static List<MaterialReference> references(List<CaseMaterial> materials) {
        return materials.stream()
                .map(m -> new MaterialReference(m.code(), m.documentId(), m.certificateNumber(), m.producedByCase()))
                .toList();
    }
}
