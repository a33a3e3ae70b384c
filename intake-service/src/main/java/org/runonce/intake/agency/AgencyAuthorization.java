package org.runonce.intake.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.security.Caller;
import org.runonce.starter.security.VerifiedIdentity;

/**
 * An applicant's authorization of an agent (帮办代办): for whom (the principal, as the principal's verified token named
 * them when they authorized), who acts (a staff member of the hall or a township service point, or another applicant
 * account), for what (items, bundles or applications), from the first to the last day, until revoked. It decides
 * whether a caller may act for the principal on something today; it never takes the principal's identity from the
 * agent.
 *
 * @param id its id
 * @param principal for whom
 * @param agent who may act
 * @param scope for what
 * @param validFrom first day in force (the platform's zone)
 * @param validUntil last day in force
 * @param grantedAt when the principal authorized
 * @param revokedAt when the principal revoked it, or null
 * @param revocationReason the principal's reason, or null
 */
public record AgencyAuthorization(
        UUID id,
        Principal principal,
        Agent agent,
        Scope scope,
        LocalDate validFrom,
        LocalDate validUntil,
        Instant grantedAt,
        Instant revokedAt,
        String revocationReason) {

    /** The longest an authorization may run, first to last day: one year. */
    static final int MAX_DAYS = 366;

    static final String NATURAL_PERSON = "NATURAL_PERSON";
    static final String LEGAL_ENTITY = "LEGAL_ENTITY";

    /** Role names of the token, as the application package knows them. */
    static final String APPLICANT_ROLE = "applicant";

    static final String STAFF_ROLE = "window-clerk";

    /**
     * For whom the agent acts: copied from the principal's verified token when they authorized.
     *
     * @param subject the principal's account
     * @param type NATURAL_PERSON or LEGAL_ENTITY
     * @param idNumber the person's resident ID number or the entity's unified social credit code
     * @param name the verified name of the person or the entity's name as the token lists it
     * @param grantedByName the verified name of the person who authorized (for an entity its legal representative)
     * @param actingAs SELF, or LEGAL_REPRESENTATIVE for an entity
     */
    public record Principal(
            String subject, String type, String idNumber, String name, String grantedByName, String actingAs) {

        /** The principal's identity number as shown: a person's masked (first 6, last 4), an entity's whole. */
        String shownIdNumber() {
            if (!NATURAL_PERSON.equals(type)) {
                return idNumber;
            }
            int n = idNumber.length();
            return n <= 10 ? "*".repeat(n) : idNumber.substring(0, 6) + "*".repeat(n - 10) + idNumber.substring(n - 4);
        }
    }

    /**
     * Who acts for the principal.
     *
     * @param kind STAFF (a window clerk of the hall or a township service point) or APPLICANT (another applicant
     *     account, e.g. a company's agent)
     * @param username the account's username, lower case
     * @param idNumber for APPLICANT, the agent's resident ID number if the principal gave it: then only an account
     *     verified with that number acts
     * @param name how the principal calls the agent, or null
     */
    public record Agent(String kind, String username, String idNumber, String name) {

        static final String STAFF = "STAFF";
        static final String APPLICANT = "APPLICANT";

        public Agent {
            username = username.strip().toLowerCase(Locale.ROOT);
            idNumber = idNumber == null || idNumber.isBlank()
                    ? null
                    : idNumber.strip().toUpperCase(Locale.ROOT);
        }

        /** Whether the caller is this agent: the named account with the kind's role (and verified, for APPLICANT). */
        boolean is(Caller caller) {
            if (caller.username() == null || !username.equals(caller.username().toLowerCase(Locale.ROOT))) {
                return false;
            }
            if (STAFF.equals(kind)) {
                return caller.hasRole(STAFF_ROLE);
            }
            return caller.hasRole(APPLICANT_ROLE)
                    && caller.identity()
                            .map(VerifiedIdentity::idNumber)
                            .filter(number -> idNumber == null || idNumber.equals(number))
                            .isPresent();
        }
    }

    /**
     * What the agent may act on; at least one list is not empty.
     *
     * @param itemCodes applications for these items (a bundle's when every one of its items is listed)
     * @param bundleCodes applications for these bundles
     * @param applicationNumbers these applications (of the principal), whatever their items
     */
    public record Scope(List<String> itemCodes, List<String> bundleCodes, List<String> applicationNumbers) {

        public Scope {
            itemCodes = itemCodes == null ? List.of() : List.copyOf(itemCodes);
            bundleCodes = bundleCodes == null ? List.of() : List.copyOf(bundleCodes);
            applicationNumbers = applicationNumbers == null ? List.of() : List.copyOf(applicationNumbers);
        }

        boolean isEmpty() {
            return itemCodes.isEmpty() && bundleCodes.isEmpty() && applicationNumbers.isEmpty();
        }

        /** Whether the scope covers an application for those items or that bundle (or that application). */
        boolean covers(Target target) {
            if (target.applicationNumber() != null && applicationNumbers.contains(target.applicationNumber())) {
                return true;
            }
            if (target.bundleCode() != null && bundleCodes.contains(target.bundleCode())) {
                return true;
            }
            return !target.itemCodes().isEmpty() && itemCodes.containsAll(target.itemCodes());
        }
    }

    /**
     * What an agent wants to act on: a new application (no number yet) or an existing one.
     *
     * @param applicationNumber the application, or null for a new one
     * @param bundleCode its bundle, or null
     * @param itemCodes its items (a bundle's all of them)
     */
    public record Target(String applicationNumber, String bundleCode, List<String> itemCodes) {

        public Target {
            itemCodes = itemCodes == null ? List.of() : List.copyOf(itemCodes);
        }
    }

    /** Where an authorization stands on a day. */
    public enum Status {
        /** Granted, its first day not yet come. */
        PENDING,
        /** In force. */
        ACTIVE,
        /** Its last day has passed. */
        EXPIRED,
        /** The principal revoked it. */
        REVOKED
    }

    /**
     * A new authorization, checked: its days (not before today, the end not before the start, at most a year), its
     * scope not empty, and the agent not the principal's own account.
     */
    static AgencyAuthorization grant(
            UUID id,
            Principal principal,
            Agent agent,
            Scope scope,
            LocalDate validFrom,
            LocalDate validUntil,
            String principalUsername,
            Instant now,
            LocalDate today) {
        LocalDate from = validFrom == null ? today : validFrom;
        if (from.isBefore(today)) {
            throw invalidDays("validFrom", "is before today (" + today + ")");
        }
        if (validUntil.isBefore(from)) {
            throw invalidDays("validUntil", "is before validFrom (" + from + ")");
        }
        if (validUntil.isAfter(from.plusDays(MAX_DAYS - 1))) {
            throw invalidDays("validUntil", "lies more than " + MAX_DAYS + " days after validFrom");
        }
        if (scope.isEmpty()) {
            throw Refusal.invalid("Give the scope: item codes, bundle codes or application numbers.")
                    .with("field", "scope");
        }
        if (principalUsername != null && agent.username().equals(principalUsername.toLowerCase(Locale.ROOT))) {
            throw Refusal.invalid("You cannot authorize your own account.").with("field", "agent.username");
        }
        return new AgencyAuthorization(id, principal, agent, scope, from, validUntil, now, null, null);
    }

    public Status status(LocalDate today) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (today.isBefore(validFrom)) {
            return Status.PENDING;
        }
        return today.isAfter(validUntil) ? Status.EXPIRED : Status.ACTIVE;
    }

    /** Whether the authorization lets this caller act on the target for its principal today. */
    boolean admits(Caller caller, Target target, LocalDate today) {
        return agent.is(caller) && status(today) == Status.ACTIVE && scope.covers(target);
    }

    /** Whether an application of this applicant is the principal's: the same account and the same person or entity. */
    boolean isFor(String applicantSubject, String applicantType, String applicantIdNumber) {
        return principal.subject().equals(applicantSubject)
                && principal.type().equals(applicantType)
                && principal.idNumber().equals(applicantIdNumber);
    }

    /**
     * Refuses, saying why, unless the caller is the agent and may act on the target today: 403
     * {@code agency-not-authorized} with {@code reason} NOT_THE_AGENT, REVOKED, NOT_YET_VALID, EXPIRED or
     * OUT_OF_SCOPE. A caller who is not the agent learns nothing of the authorization.
     */
    void check(Caller caller, Target target, LocalDate today) {
        if (!agent.is(caller)) {
            throw notAuthorized("NOT_THE_AGENT", "No authorization " + id + " names your account as the agent.");
        }
        switch (status(today)) {
            case REVOKED ->
                throw notAuthorized("REVOKED", "The principal revoked authorization " + id + " at " + revokedAt + ".");
            case PENDING ->
                throw notAuthorized(
                        "NOT_YET_VALID", "Authorization " + id + " is in force from " + validFrom + " only.");
            case EXPIRED -> throw notAuthorized("EXPIRED", "Authorization " + id + " ended on " + validUntil + ".");
            case ACTIVE -> {}
        }
        if (!scope.covers(target)) {
            throw notAuthorized(
                            "OUT_OF_SCOPE",
                            "Authorization " + id + " does not cover "
                                    + (target.bundleCode() != null
                                            ? "bundle " + target.bundleCode()
                                            : "items " + target.itemCodes())
                                    + ".")
                    .with("scope", scope);
        }
    }

    /** Revoked by the principal, at once; 409 when it was already revoked or has ended. */
    AgencyAuthorization revoke(String reason, Instant now, LocalDate today) {
        Status status = status(today);
        if (status == Status.REVOKED || status == Status.EXPIRED) {
            throw Refusal.conflict(
                    "authorization-ended",
                    "Authorization already ended",
                    "Authorization " + id + " is " + status + " already.");
        }
        return new AgencyAuthorization(id, principal, agent, scope, validFrom, validUntil, grantedAt, now, reason);
    }

    static Refusal notAuthorized(String reason, String detail) {
        return Refusal.forbidden(
                        "agency-not-authorized",
                        "Not authorized to act for the applicant",
                        detail + " Nothing was stored.")
                .with("reason", reason);
    }

    private static Refusal invalidDays(String field, String message) {
        return Refusal.invalid(field + " " + message + ".").with("field", field);
    }
}
