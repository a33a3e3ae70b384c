package org.runonce.approval.cases;

import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationSupplementRequested;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps what the case file shows beyond the cases: the form and terms of an accepted application, and intake's
 * one-time notices on it. Both are written once per event, so a redelivered event changes nothing.
 */
@Service
public class KeepingCaseFiles {

    private final ApplicationFiles files;

    KeepingCaseFiles(ApplicationFiles files) {
        this.files = files;
    }

    @Transactional
    public void accepted(ApplicationAccepted accepted) {
        files.accepted(accepted);
    }

    @Transactional
    public void noticed(ApplicationSupplementRequested notice) {
        files.noticed(notice);
    }
}
