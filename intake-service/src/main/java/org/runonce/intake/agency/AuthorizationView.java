package org.runonce.intake.agency;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An authorization as the principal and the agent see it, with every act of the agent under it.
 *
 * @param id its id
 * @param status PENDING, ACTIVE, EXPIRED or REVOKED today
 * @param principal for whom
 * @param agent who acts
 * @param scope on what
 * @param validFrom first day in force
 * @param validUntil last day in force
 * @param grantedAt when the principal authorized
 * @param revokedAt when the principal revoked it, or null
 * @param revocationReason the principal's reason, or null
 * @param acts what the agent did under it, oldest first
 */
@Schema(name = "AgencyAuthorization")
public record AuthorizationView(
        String id,
        AgencyAuthorization.Status status,
        PrincipalView principal,
        AgentView agent,
        ScopeView scope,
        LocalDate validFrom,
        LocalDate validUntil,
        Instant grantedAt,
        Instant revokedAt,
        String revocationReason,
        List<ActView> acts) {

    /**
     * @param type NATURAL_PERSON or LEGAL_ENTITY
     * @param name the verified name, or the company's name
     * @param idNumber a person's resident ID number masked (first 6, last 4), a company's credit code
     * @param grantedBy the verified name of the person who authorized
     * @param actingAs SELF or LEGAL_REPRESENTATIVE
     */
    @Schema(name = "AgencyPrincipal")
    public record PrincipalView(String type, String name, String idNumber, String grantedBy, String actingAs) {}

    /**
     * @param kind STAFF or APPLICANT
     * @param username the agent's account
     * @param name how the principal calls the agent
     */
    @Schema(name = "AgencyAgent")
    public record AgentView(String kind, String username, String name) {}

    /**
     * @param itemCodes items
     * @param bundleCodes bundles
     * @param applicationNumbers applications
     */
    @Schema(name = "AgencyScope")
    public record ScopeView(List<String> itemCodes, List<String> bundleCodes, List<String> applicationNumbers) {}

    /**
     * @param applicationNumber the application acted on
     * @param act SUBMISSION (filed it), READ (read it, its papers, or checked it before a supplement) or CHANGE
     *     (pledge, withdrawal)
     * @param agentUsername who acted
     * @param agentName the agent's verified name (an applicant account) or display name (staff)
     * @param at when
     * @param applicationPath the application
     */
    @Schema(name = "AgencyAct")
    public record ActView(
            String applicationNumber,
            String act,
            String agentUsername,
            String agentName,
            Instant at,
            String applicationPath) {}

    static AuthorizationView of(AgencyAuthorization a, LocalDate today, List<AgencyAuthorizations.Act> acts) {
        AgencyAuthorization.Principal p = a.principal();
        return new AuthorizationView(
                a.id().toString(),
                a.status(today),
                new PrincipalView(p.type(), p.name(), p.shownIdNumber(), p.grantedByName(), p.actingAs()),
                new AgentView(a.agent().kind(), a.agent().username(), a.agent().name()),
                new ScopeView(
                        a.scope().itemCodes(),
                        a.scope().bundleCodes(),
                        a.scope().applicationNumbers()),
                a.validFrom(),
                a.validUntil(),
                a.grantedAt(),
                a.revokedAt(),
                a.revocationReason(),
                acts.stream()
                        .map(act -> new ActView(
                                act.applicationNumber(),
                                act.act(),
                                act.agentUsername(),
                                act.agentName(),
                                act.at(),
                                "/api/intake/applications/" + act.applicationNumber()))
                        .toList());
    }
}
