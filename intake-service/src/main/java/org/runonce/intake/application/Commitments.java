package org.runonce.intake.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.intake.catalog.ItemGuide;
import org.runonce.intake.completeness.ApplicantData;
import org.runonce.intake.completeness.Commitment;
import org.runonce.intake.completeness.FieldError;
import org.runonce.intake.completeness.Requirements;
import org.runonce.starter.domain.Refusal;

/**
 * Commitment approval (告知承诺制) at submission: the applicant signs the statement of the item versions the catalog
 * marks for it, and the materials they list are then not required. A commitment for items none of which is marked
 * is refused (422 {@code commitment-not-offered}, nothing stored); one not accepted, or quoting another text, is
 * invalid input.
 */
final class Commitments {

    private Commitments() {}

    /** The outcome of signing: the commitment, or none when the applicant signed nothing. */
    record Signed(Commitment commitment) {

        static final Signed NONE = new Signed(null);

        /** The requirements with the committed materials no longer asked of the applicant. */
        Requirements applyTo(Requirements requirements) {
            return commitment == null ? requirements : requirements.committed(commitment);
        }
    }

    /**
     * @param input the body's commitment, or null
     * @param guides the item versions applied for
     * @param applicant who signs
     * @param takenBy the clerk or agent taking the signature, or null online
     * @param errors where invalid input is listed
     */
    static Signed sign(
            Requests.CommitmentInput input,
            List<ItemGuide> guides,
            ApplicantData applicant,
            String takenBy,
            Instant now,
            List<FieldError> errors) {
        if (input == null) {
            return Signed.NONE;
        }
        List<ItemGuide> marked =
                guides.stream().filter(g -> g.published().commitment() != null).toList();
        if (marked.isEmpty()) {
            throw Refusal.unprocessable(
                            "commitment-not-offered",
                            "Commitment approval not offered",
                            "none of the items applied for is approved on a commitment (告知承诺制): hand in the"
                                    + " materials instead; nothing was stored")
                    .with("itemCodes", guides.stream().map(ItemGuide::itemCode).toList());
        }
        String statement = marked.stream()
                .map(g -> g.published().commitment().statement().zh())
                .collect(Collectors.joining("\n"));
        int before = errors.size();
        if (!Boolean.TRUE.equals(input.accepted())) {
            errors.add(new FieldError(
                    "commitment.accepted",
                    "must be true: the applicant accepts the commitment's statement",
                    "/commitment/accepted",
                    "COMMITMENT_NOT_ACCEPTED"));
        }
        if (input.statement() != null && !input.statement().strip().equals(statement)) {
            errors.add(new FieldError(
                    "commitment.statement",
                    "is not the statement of the items applied for; leave it out or quote it exactly",
                    "/commitment/statement",
                    "NOT_THE_EXPECTED_VALUE"));
        }
        if (errors.size() > before) {
            return Signed.NONE;
        }
        List<Commitment.Item> items = new ArrayList<>();
        for (ItemGuide guide : marked) {
            ItemVersionPublished.Commitment c = guide.published().commitment();
            items.add(new Commitment.Item(guide.itemCode(), guide.version(), List.copyOf(c.materials())));
        }
        return new Signed(new Commitment(statement, now, applicant.name(), takenBy, items));
    }
}
