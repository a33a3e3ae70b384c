package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.runonce.intake.completeness.MaterialState;

/**
 * What an application's changes record, in the aggregate's own terms; {@link IntakeEvents} translates each into the
 * contract record it is published as, in the transaction of the change.
 */
sealed interface ApplicationEvent {

    /**
     * Whether the departments of the application's cases may read the documents it uses from now on: once cases
     * exist, and again when materials reach them later.
     */
    default boolean opensDocumentsToDepartments() {
        return false;
    }

    /**
     * Whether the application ends with it (completed, refused, withdrawn): the departments' grants on its documents
     * then expire after the retention.
     */
    default boolean endsApplication() {
        return false;
    }

    /** @param at when it was submitted */
    record Submitted(Instant at) implements ApplicationEvent {}

    /** @param notice the one-time notice, or a later one for what could not be checked before */
    record SupplementRequested(Notice notice) implements ApplicationEvent {}

    /** @param round the online pre-review's round that passed (网上预审); the originals to bring are the pre-review's */
    record PreReviewPassed(PreReview.Round round, List<PreReview.Original> originals) implements ApplicationEvent {}

    /**
     * @param acceptance how and when it was accepted
     * @param missing the materials missing on acceptance with deficiencies (容缺)
     * @param cases the cases it was split into
     */
    record Accepted(Acceptance acceptance, List<MaterialState> missing, List<CaseTrack> cases)
            implements ApplicationEvent {

        @Override
        public boolean opensDocumentsToDepartments() {
            return true;
        }
    }

    /** @param refusal 不予受理 */
    record Refused(Records.Refusal refusal) implements ApplicationEvent {

        @Override
        public boolean endsApplication() {
            return true;
        }
    }

    /**
     * @param withdrawal by whom and why
     * @param caseNumbers the cases closed with it
     */
    record Withdrawn(Records.Withdrawal withdrawal, List<String> caseNumbers) implements ApplicationEvent {

        @Override
        public boolean endsApplication() {
            return true;
        }
    }

    /**
     * @param pledgeDate the date that passed
     * @param missing material codes still missing
     * @param caseNumbers the application's cases
     * @param at when it was found
     */
    record PledgeOverdue(LocalDate pledgeDate, List<String> missing, List<String> caseNumbers, Instant at)
            implements ApplicationEvent {}

    /**
     * @param cases per case, the materials that reached it
     * @param stillMissing material codes still missing
     * @param at when
     */
    record MaterialsSupplied(List<CaseMaterials> cases, List<String> stillMissing, Instant at)
            implements ApplicationEvent {

        /**
         * @param caseNumber the case
         * @param materials the references added to it
         */
        record CaseMaterials(String caseNumber, List<CaseMaterial> materials) {}

        @Override
        public boolean opensDocumentsToDepartments() {
            return true;
        }
    }

    /**
     * @param cases every case with its final status
     * @param at when the last one was decided
     */
    record Completed(List<CaseTrack> cases, Instant at) implements ApplicationEvent {

        @Override
        public boolean endsApplication() {
            return true;
        }
    }

    /** @param delivery 统一出件 */
    record ResultDelivered(Records.Delivery delivery) implements ApplicationEvent {}

    /**
     * @param evaluation 好差评
     * @param departmentCodes the departments of the cases rated
     */
    record Evaluated(Records.Evaluation evaluation, List<String> departmentCodes) implements ApplicationEvent {}

    /** @param followUp a department's follow-up of a bad rating (整改回访) */
    record RatingFollowedUp(Records.FollowUp followUp) implements ApplicationEvent {}
}
