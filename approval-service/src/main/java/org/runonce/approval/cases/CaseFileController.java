package org.runonce.approval.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.runonce.starter.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The case file (案卷): what the department decides on, as it was filed. */
@RestController
@Tag(name = "cases")
class CaseFileController {

    private final CaseFiles files;

    CaseFileController(CaseFiles files) {
        this.files = files;
    }

    @GetMapping("/api/approval/cases/{number}/file")
    @PreAuthorize(CaseController.READERS)
    @Operation(
            summary = "The case file: applicant, form, acceptance, materials with their documents, one-time notices,"
                    + " attached certificates, and the certificate an approval would issue (prefilled from the form)",
            description = "For the department's reviewers, heads and systems, and supervisors; another department's"
                    + " case answers 404. Each reading is recorded in the case's audit trail (CASE_FILE_VIEWED)."
                    + " Approve with `certificate` to change the prefilled certificate: a content field set to null"
                    + " removes it.")
    CaseFile file(@PathVariable String number, Caller caller) {
        return files.file(number, caller);
    }
}
