package org.runonce.approval.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.runonce.contracts.approval.SupplementRequested;
import org.runonce.starter.domain.Refusal;

/**
 * A case's supplement requests (一次性告知): one listing everything; a second only after a department head approved
 * it, with a reason (flagged in supervision); never a third.
 */
final class Supplements {

    private final String caseNumber;
    private final List<Supplement> requests;
    private String secondApprover;
    private String secondReason;
    private Instant secondApprovedAt;
    private boolean changed;

    /**
     * A supplement request.
     *
     * @param requestNumber 1 or 2
     * @param requestedAt when
     * @param requestedBy who
     * @param reason why
     * @param materials what
     * @param secondApprovedBy the head who approved a second request, or null
     * @param secondApproval the head's reason, or null
     * @param receivedAt when the supplement came, or null
     * @param receivedBy who recorded it, or null
     */
    record Supplement(
            int requestNumber,
            Instant requestedAt,
            String requestedBy,
            String reason,
            Object materials,
            String secondApprovedBy,
            String secondApproval,
            Instant receivedAt,
            String receivedBy) {

        /** Counted by supervision: every second request. */
        boolean flagged() {
            return requestNumber > 1;
        }

        Supplement received(Instant at, String by) {
            return new Supplement(
                    requestNumber,
                    requestedAt,
                    requestedBy,
                    reason,
                    materials,
                    secondApprovedBy,
                    secondApproval,
                    at,
                    by);
        }
    }

    /**
     * The head's approval of a second request, as stored with the case.
     *
     * @param approver the department head, or null
     * @param reason why, or null
     * @param at when, or null
     */
    record SecondApproval(String approver, String reason, Instant at) {

        static final SecondApproval NONE = new SecondApproval(null, null, null);
    }

    Supplements(String caseNumber, SecondApproval second, List<Supplement> requests) {
        this.caseNumber = caseNumber;
        this.requests = new ArrayList<>(requests);
        this.secondApprover = second.approver();
        this.secondReason = second.reason();
        this.secondApprovedAt = second.at();
    }

    /** Records a request; returns its number. */
    Supplement request(String by, List<SupplementRequested.RequestedMaterial> materials, String reason, Instant now) {
        if (count() >= 2) {
            throw Refusal.conflict(
                    "supplements-exhausted", "No more supplements", "case " + caseNumber + " had its two supplements");
        }
        if (count() == 1 && secondApprover == null) {
            throw Refusal.conflict(
                    "second-supplement-not-approved",
                    "Second supplement needs approval",
                    "case " + caseNumber + " already asked for a supplement once (一次性告知); a second request needs a"
                            + " department head's approval with a reason");
        }
        int number = count() + 1;
        boolean second = number > 1;
        var request = new Supplement(
                number,
                now,
                by,
                reason,
                materials,
                second ? secondApprover : null,
                second ? secondReason : null,
                null,
                null);
        requests.add(request);
        changed = true;
        return request;
    }

    /** A department head allows one more request, with a reason. */
    void approveSecond(String head, String reason, Instant now) {
        if (count() == 0) {
            throw Refusal.conflict(
                    "first-supplement-unused",
                    "First supplement not used",
                    "case " + caseNumber + " has not asked for a supplement yet: the first needs no approval");
        }
        if (count() >= 2 || secondApprover != null) {
            throw Refusal.conflict(
                    "second-supplement-already-approved",
                    "Already approved",
                    "case " + caseNumber + " already has its second supplement approved");
        }
        secondApprover = head;
        secondReason = reason;
        secondApprovedAt = now;
    }

    /** The supplement asked for came. */
    void received(Instant at, String by) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).receivedAt() == null) {
                requests.set(i, requests.get(i).received(at, by));
                changed = true;
            }
        }
    }

    int count() {
        return requests.size();
    }

    /** Whether a request may be made now (the status aside). */
    boolean mayRequest() {
        return count() == 0 || (count() == 1 && secondApprover != null);
    }

    /** Whether a second request awaits a head's approval. */
    boolean secondAwaitsApproval() {
        return count() == 1 && secondApprover == null;
    }

    SecondApproval second() {
        return new SecondApproval(secondApprover, secondReason, secondApprovedAt);
    }

    List<Supplement> requests() {
        return List.copyOf(requests);
    }

    boolean changed() {
        return changed;
    }
}
