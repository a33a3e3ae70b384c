/**
 * Cases (案件): opened from accepted applications in their item's department, worked through the item's procedure
 * steps by the department's reviewers, clocked in working days, decided; dependent cases start when the cases they
 * need are approved, with their certificates attached.
 *
 * <p>{@link org.runonce.approval.cases.Case} is the aggregate with its parts (assignment, steps, the stopwatch with
 * its pauses, supplements, materials, prerequisites); it refuses illegal transitions and records its entries, which
 * {@code Cases} saves with it and hands to the {@code Journal} (audit trail and outbox). The use cases are named by
 * verb: {@link org.runonce.approval.cases.OpeningCases}, {@link org.runonce.approval.cases.Reviewing}, {@link
 * org.runonce.approval.cases.Deciding}, {@code CascadingDecisions}, {@link org.runonce.approval.cases.Withdrawing},
 * {@code DeadlineWatch}; {@code CaseQueue} is the read side.
 */
package org.runonce.approval.cases;
