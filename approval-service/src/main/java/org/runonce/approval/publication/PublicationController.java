package org.runonce.approval.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Results publication (结果公示): public, no token needed. */
@RestController
@Tag(name = "publication", description = "Decided cases of public items, the applicant masked")
class PublicationController {

    private final Publications publications;

    PublicationController(Publications publications) {
        this.publications = publications;
    }

    @GetMapping("/api/approval/publications")
    @Transactional(readOnly = true)
    @Operation(
            summary = "Published decisions, most recent first, paged and searchable",
            description = "Anyone may read it. A natural person is named by the first and last character only, a legal"
                    + " entity by its registered name; no ID number, contact or form data is ever published, and a"
                    + " search matches only what is published (searching a full name finds nothing).")
    PublishedDecision.Page search(@ParameterObject @Valid PublicationQuery query) {
        return publications.search(query);
    }
}
