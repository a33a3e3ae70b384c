package org.runonce.approval.cases;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.runonce.starter.domain.Refusal;

/** Who works on a case: claimed by a reviewer, assigned by a head, released; others may not act on it meanwhile. */
final class Assignment {

    private final String caseNumber;
    private String assignee;
    private Instant assignedAt;

    Assignment(String caseNumber, String assignee, Instant assignedAt) {
        this.caseNumber = caseNumber;
        this.assignee = assignee;
        this.assignedAt = assignedAt;
    }

    /** Takes the case; returns the audit payload. */
    Map<String, Object> claim(String reviewer, Instant now) {
        if (assignee != null && !assignee.equals(reviewer)) {
            throw claimedByOther();
        }
        assignee = reviewer;
        assignedAt = now;
        return Map.of("assignee", reviewer);
    }

    /** Gives the case to a reviewer; returns the audit payload. */
    Map<String, Object> assign(String reviewer, Instant now) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("assignee", reviewer);
        payload.put("previousAssignee", assignee);
        assignee = reviewer;
        assignedAt = now;
        return payload;
    }

    /** Takes the case from whoever has it, when nobody has it. */
    void takeIfFree(String reviewer, Instant now) {
        if (assignee == null) {
            assignee = reviewer;
            assignedAt = now;
        }
    }

    /** Gives the case back to the queue; returns the audit payload. */
    Map<String, Object> release() {
        if (assignee == null) {
            throw Refusal.conflict("not-assigned", "Not assigned", "case " + caseNumber + " is not assigned to anyone");
        }
        var payload = Map.<String, Object>of("previousAssignee", assignee);
        assignee = null;
        assignedAt = null;
        return payload;
    }

    /** A reviewer acts on a case only when it is theirs (or free and pending); a head always. */
    void requireAssigneeOrHead(String username, boolean head, boolean pending) {
        if (!head && assignee != null && !assignee.equals(username)) {
            throw claimedByOther();
        }
        if (!head && assignee == null && !pending) {
            throw Refusal.conflict("not-assigned", "Not assigned", "claim case " + caseNumber + " before acting on it");
        }
    }

    String assignee() {
        return assignee;
    }

    Instant assignedAt() {
        return assignedAt;
    }

    private Refusal claimedByOther() {
        return Refusal.conflict(
                        "claimed-by-other",
                        "Claimed by another reviewer",
                        "case " + caseNumber + " is assigned to " + assignee)
                .with("assignee", assignee);
    }
}
