package org.runonce.approval.cases;

import java.util.Optional;
import org.runonce.approval.certificate.CertificateRequest;
import org.runonce.approval.certificate.IssuingCertificates;
import org.runonce.contracts.approval.Holder;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions: approval (with the item's e-certificate) or rejection at the decision step, or a window clerk's
 * decision at acceptance. The decision, its certificate and the cases that waited for it (see
 * {@link CascadingDecisions}) commit together.
 */
@Service
public class Deciding {

    private final Cases cases;
    private final CaseAccess access;
    private final CaseViews views;
    private final CaseTime caseTime;
    private final IssuingCertificates issuing;
    private final CascadingDecisions cascade;
    private final CaseFiles files;

    Deciding(
            Cases cases,
            CaseAccess access,
            CaseViews views,
            CaseTime caseTime,
            IssuingCertificates issuing,
            CascadingDecisions cascade,
            CaseFiles files) {
        this.cases = cases;
        this.access = access;
        this.views = views;
        this.caseTime = caseTime;
        this.issuing = issuing;
        this.cascade = cascade;
        this.files = files;
    }

    @Transactional
    public CaseView approve(
            String number, String reason, String legalBasis, CertificateDetails certificate, Caller caller) {
        var c = access.act(number, caller);
        c.requireAssigneeOrHead(caller.username(), CaseAccess.isHead(caller));
        var result = resultOf(c);
        c.approve(new Verdict(caller.username(), reason, legalBasis), caseTime.of(c), numbering(result));
        return decided(c, result, certificate);
    }

    @Transactional
    public CaseView reject(String number, String reason, String legalBasis, Caller caller) {
        var c = access.act(number, caller);
        c.requireAssigneeOrHead(caller.username(), CaseAccess.isHead(caller));
        c.reject(new Verdict(caller.username(), reason, legalBasis), caseTime.of(c));
        return decided(c, Optional.empty(), CertificateDetails.NONE);
    }

    /**
     * Decides at the window a case intake's acceptance opened (still PENDING); the caller has checked the clerk's
     * delegation for the case's department and item.
     */
    @Transactional
    public CaseView atWindow(WindowVerdict w) {
        var c = cases.lock(w.caseNumber()).orElseThrow(() -> Refusal.notFound("case", w.caseNumber()));
        var s = c.subject();
        if (!s.departmentCode().equals(w.departmentCode()) || !s.itemCode().equals(w.itemCode())) {
            throw Refusal.conflict(
                    "case-mismatch", "Case mismatch", "case " + c.number() + " exists for another item or department");
        }
        var result = resultOf(c);
        c.decideAtWindow(
                w.outcome(),
                new Verdict(w.clerk(), w.reason(), w.legalBasis()),
                w.delegationId(),
                w.delegationNote(),
                caseTime.of(c),
                numbering(result));
        return decided(c, result, w.certificate());
    }

    private Optional<ItemVersionPublished.Result> resultOf(Case c) {
        return issuing.resultOf(c.subject().itemCode(), c.subject().itemVersion());
    }

    private CertificateNumbers numbering(Optional<ItemVersionPublished.Result> result) {
        return () -> result.map(r -> issuing.allocateNumber(r.certificateType()));
    }

    /** Announces the decision, issues its certificate, and lets the waiting cases go on. */
    private CaseView decided(Case c, Optional<ItemVersionPublished.Result> result, CertificateDetails details) {
        cases.save(c);
        String number = c.decision().certificateNumber();
        if (number != null) {
            // the draft prefilled from the form as filed, with what the decider changed: nothing keyed in again
            var draft = files.draft(c).orElseThrow().edited(details);
            issuing.issue(certificateRequest(c, result.orElseThrow(), draft), number);
        }
        cascade.after(c);
        return views.of(c);
    }

    private static CertificateRequest certificateRequest(
            Case c, ItemVersionPublished.Result result, CertificateDraft draft) {
        var s = c.subject();
        var holder = new Holder(s.applicant().subject(), draft.holderName(), draft.holderIdNumber());
        return new CertificateRequest(
                result.certificateType(),
                result.name(),
                s.applicationNumber(),
                s.number(),
                s.itemCode(),
                s.departmentCode(),
                holder,
                draft.content(),
                draft.validUntil(),
                c.decision().decidedBy());
    }
}
