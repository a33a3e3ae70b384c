package org.runonce.approval.cases;

import java.util.List;
import org.runonce.contracts.approval.SupplementRequested;
import org.runonce.starter.domain.Time;
import org.runonce.starter.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department's reviewers and heads working a case: claim, assign, release, start the review, complete steps, ask
 * for a supplement (a second only with a head's approval), suspend for a special procedure and resume. Each action
 * is one transaction: the case, its audit entry and its event commit together.
 */
@Service
public class Reviewing {

    private final Cases cases;
    private final CaseAccess access;
    private final CaseViews views;
    private final CaseTime caseTime;
    private final Time time;

    Reviewing(Cases cases, CaseAccess access, CaseViews views, CaseTime caseTime, Time time) {
        this.cases = cases;
        this.access = access;
        this.views = views;
        this.caseTime = caseTime;
        this.time = time;
    }

    @Transactional
    public CaseView claim(String number, Caller caller) {
        var c = access.act(number, caller);
        c.claim(caller.username(), time.now());
        return saved(c);
    }

    @Transactional
    public CaseView assign(String number, String assignee, String reason, Caller caller) {
        var c = access.actAsHead(number, caller);
        c.assign(assignee, caller.username(), reason, time.now());
        return saved(c);
    }

    @Transactional
    public CaseView release(String number, String reason, Caller caller) {
        var c = access.act(number, caller);
        c.requireAssigneeOrHead(caller.username(), CaseAccess.isHead(caller));
        c.release(caller.username(), reason);
        return saved(c);
    }

    @Transactional
    public CaseView startReview(String number, Caller caller) {
        var c = access.act(number, caller);
        c.requireAssigneeOrHead(caller.username(), false);
        c.startReview(caller.username(), caseTime.of(c));
        return saved(c);
    }

    @Transactional
    public CaseView advance(String number, String note, Caller caller) {
        var c = acting(number, caller);
        c.advance(caller.username(), note, caseTime.of(c));
        return saved(c);
    }

    /**
     * One supplement request listing everything; a second one only after a department head approved it.
     *
     * @param materials what to supplement
     */
    @Transactional
    public CaseView requestSupplement(
            String number, List<SupplementRequested.RequestedMaterial> materials, String reason, Caller caller) {
        var c = acting(number, caller);
        c.requestSupplement(caller.username(), materials, reason, caseTime.of(c));
        return saved(c);
    }

    @Transactional
    public CaseView approveSecondSupplement(String number, String reason, Caller caller) {
        var c = access.actAsHead(number, caller);
        c.approveSecondSupplement(caller.username(), reason, time.now());
        return saved(c);
    }

    @Transactional
    public CaseView suspend(String number, String procedure, int expectedDays, String reason, Caller caller) {
        var c = acting(number, caller);
        c.suspend(caller.username(), procedure, expectedDays, reason, caseTime.of(c));
        return saved(c);
    }

    /** Ends a suspension, or records that the requested supplement was received; the clock runs again. */
    @Transactional
    public CaseView resume(String number, String note, Caller caller) {
        var c = acting(number, caller);
        c.resume(caller.username(), note, caseTime.of(c));
        return saved(c);
    }

    private Case acting(String number, Caller caller) {
        var c = access.act(number, caller);
        c.requireAssigneeOrHead(caller.username(), CaseAccess.isHead(caller));
        return c;
    }

    private CaseView saved(Case c) {
        cases.save(c);
        return views.of(c);
    }
}
