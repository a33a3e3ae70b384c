package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small facts an application records once. */
final class Records {

    private Records() {}

    /**
     * How the applicant's identity was established (实名核验), recorded with the application.
     *
     * @param method {@code VERIFIED_ACCOUNT} online (the identity provider's real-name verification, read from the
     *     token), at a window {@code ID_CARD_READER}, {@code PASSPORT} or {@code IN_PERSON}, by an agent
     *     {@code AGENCY_AUTHORIZATION} (the principal's verified identity, taken when they authorized the agent)
     * @param checkedBy the window clerk's username who checked it, the agent's username, or null online
     * @param checkedBySubject the clerk's or the agent's token subject, or null online
     * @param at when
     * @param actingAs {@code SELF}, or for a legal entity {@code LEGAL_REPRESENTATIVE} or {@code AGENT}
     * @param actingPerson for a legal entity online, the verified name of the person acting for it; filed by an
     *     agent, the agent's name; else null
     * @param agencyAuthorization filed by an agent (帮办代办, method {@code AGENCY_AUTHORIZATION}): the authorization
     *     the principal gave with their own verified identity, which named the applicant; else null
     */
    record IdentityCheck(
            String method,
            String checkedBy,
            String checkedBySubject,
            Instant at,
            String actingAs,
            String actingPerson,
            String agencyAuthorization) {

        static final String VERIFIED_ACCOUNT = "VERIFIED_ACCOUNT";
        static final String AGENCY_AUTHORIZATION = "AGENCY_AUTHORIZATION";
        static final String SELF = "SELF";
        static final String AGENT = "AGENT";

        /** Without an agency authorization: online or at a window. */
        IdentityCheck(
                String method,
                String checkedBy,
                String checkedBySubject,
                Instant at,
                String actingAs,
                String actingPerson) {
            this(method, checkedBy, checkedBySubject, at, actingAs, actingPerson, null);
        }
    }

    /**
     * 不予受理.
     *
     * @param reason why
     * @param legalBasis the provision it rests on
     * @param refusedBy clerk username
     * @param refusedAt when
     */
    record Refusal(String reason, String legalBasis, String refusedBy, Instant refusedAt) {}

    /**
     * @param reason the applicant's reason, or the clerk's when the applicant did not confirm
     * @param withdrawnBy username
     * @param withdrawnAt when
     * @param confirmedByApplicant whether the applicant withdrew it or confirmed a clerk's withdrawal (false: a clerk
     *     withdrew it with a recorded reason only, which supervision sees); null in records older than the rule
     * @param confirmation how the applicant confirmed a clerk's withdrawal (SIGNED_AT_WINDOW), or null
     */
    record Withdrawal(
            String reason,
            String withdrawnBy,
            Instant withdrawnAt,
            Boolean confirmedByApplicant,
            String confirmation) {}

    /**
     * One in-person contact at a window. Contacts on the same day are one trip: the visit count is the number of
     * distinct days.
     *
     * @param day the calendar day
     * @param at when
     * @param recordedBy clerk username
     * @param purpose SUBMISSION, SUPPLEMENT, PLEDGE, WITHDRAWAL, RESULT_PICKUP, CONSULTATION, OTHER, or SERVED (the
     *     holder of a queue ticket for its item or bundle was served at a window)
     * @param ticket the id of the hall's queue ticket whose trip it was, when the clerk named it or serving it
     *     recorded the visit; else null
     */
    record Visit(LocalDate day, Instant at, String recordedBy, String purpose, String ticket) {

        Visit(LocalDate day, Instant at, String recordedBy, String purpose) {
            this(day, at, recordedBy, purpose, null);
        }

        Visit onTicket(String ticket) {
            return new Visit(day, at, recordedBy, purpose, ticket);
        }
    }

    /**
     * 统一出件.
     *
     * @param method WINDOW_PICKUP, MAIL or ELECTRONIC
     * @param trackingNumber for MAIL
     * @param address for MAIL
     * @param deliveredBy username
     * @param deliveredAt when
     */
    record Delivery(String method, String trackingNumber, String address, String deliveredBy, Instant deliveredAt) {}

    /**
     * How the applicant wants the results (at submission or later, until they are delivered).
     *
     * @param method WINDOW_PICKUP, MAIL or ELECTRONIC
     * @param address where to post them, for MAIL
     * @param chosenBy username of the applicant, or of the clerk who recorded the choice for them
     * @param chosenAt when
     */
    record DeliveryChoice(String method, String address, String chosenBy, Instant chosenAt) {}

    /**
     * 好差评 and, for a rating of 1 or 2, its follow-up by every department concerned (整改回访), which the applicant
     * sees; past its due date it is escalated to the supervisors (and approval opens an accountability record).
     *
     * @param rating 1 to 5
     * @param comment or null
     * @param evaluatedAt when
     * @param followUpDue deadline of the follow-up, or null when none is needed
     * @param followUpResolvedAt when the last department followed up, or a supervisor closed it; null while open
     * @param followUpResolvedBy who closed it
     * @param followUpNote what was done, last
     * @param channel ONLINE (the applicant), WINDOW (recorded by a clerk for them) or SMS_LINK (the link sent to them)
     * @param departments the departments rated (of the application's cases, or of its items when none opened)
     * @param followUps each department's follow-up
     */
    record Evaluation(
            int rating,
            String comment,
            Instant evaluatedAt,
            LocalDate followUpDue,
            Instant followUpResolvedAt,
            String followUpResolvedBy,
            String followUpNote,
            String channel,
            List<String> departments,
            List<FollowUp> followUps) {

        Evaluation {
            departments = departments == null ? List.of() : List.copyOf(departments);
            followUps = followUps == null ? List.of() : List.copyOf(followUps);
        }

        /** A rating just given; {@code followUpDue} only for a rating that needs one. */
        static Evaluation given(
                int rating,
                String comment,
                Instant at,
                LocalDate followUpDue,
                String channel,
                List<String> departments) {
            return new Evaluation(rating, comment, at, followUpDue, null, null, null, channel, departments, List.of());
        }

        boolean followUpOpen() {
            return followUpDue != null && followUpResolvedAt == null;
        }

        /** Whether the follow-up is open past its due date (the supervisors see it escalated). */
        boolean followUpOverdue(LocalDate today) {
            return followUpOpen() && followUpDue.isBefore(today);
        }

        boolean followedUpBy(String department) {
            return followUps.stream().anyMatch(f -> f.department().equals(department));
        }

        /** A department's follow-up; the last department's closes it. */
        Evaluation followedUp(String department, String by, String note, Instant at) {
            List<FollowUp> all = new ArrayList<>(followUps);
            all.add(new FollowUp(department, by, note, at));
            boolean everyDepartment = departments.stream()
                    .allMatch(d -> all.stream().anyMatch(f -> f.department().equals(d)));
            return everyDepartment
                    ? new Evaluation(rating, comment, evaluatedAt, followUpDue, at, by, note, channel, departments, all)
                    : new Evaluation(
                            rating, comment, evaluatedAt, followUpDue, null, null, null, channel, departments, all);
        }

        /** A supervisor closes it, whoever followed up. */
        Evaluation resolved(String by, String note, Instant at) {
            return new Evaluation(
                    rating, comment, evaluatedAt, followUpDue, at, by, note, channel, departments, followUps);
        }
    }

    /**
     * @param department the department that followed the bad rating up
     * @param by who recorded it
     * @param note what was done (called the applicant back, corrected the practice...)
     * @param at when
     */
    record FollowUp(String department, String by, String note, Instant at) {}
}
