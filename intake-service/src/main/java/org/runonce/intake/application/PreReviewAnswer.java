package org.runonce.intake.application;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A window clerk's answer to an online pre-review (网上预审).
 *
 * @param outcome PASSED (the applicant brings the originals to the one visit) or CHANGES_NEEDED
 * @param findings for CHANGES_NEEDED everything to change, at once (one notice lists it); empty for PASSED
 * @param note a remark to the applicant, or null
 */
public record PreReviewAnswer(
        @Schema(
                example = "CHANGES_NEEDED",
                allowableValues = {"PASSED", "CHANGES_NEEDED"})
        @NotNull
        @Pattern(regexp = "PASSED|CHANGES_NEEDED")
        String outcome,

        @Size(max = 100) List<@NotNull @Valid Finding> findings,

        @Size(max = 2000) String note) {

    /**
     * @param materialCode the material to change
     * @param reason MISSING, DOCUMENT_UNREADABLE or CONTENT_INCORRECT
     * @param note what to change
     */
    public record Finding(
            @Schema(example = "TERMINATION_PROOF") @NotBlank @Size(max = 100)
            String materialCode,

            @Schema(
                    example = "CONTENT_INCORRECT",
                    allowableValues = {"MISSING", "DOCUMENT_UNREADABLE", "CONTENT_INCORRECT"})
            @NotNull
            @Pattern(regexp = "MISSING|DOCUMENT_UNREADABLE|CONTENT_INCORRECT")
            String reason,

            @Schema(example = "解除劳动合同证明缺少用人单位盖章") @Size(max = 500)
            String note) {}

    List<PreReview.Finding> toFindings() {
        return findings == null
                ? List.of()
                : findings.stream()
                        .map(f -> new PreReview.Finding(f.materialCode(), f.reason(), f.note()))
                        .toList();
    }
}
