package org.runonce.intake.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.runonce.intake.catalog.CatalogCopy;
import org.runonce.intake.completeness.FieldError;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.domain.Time;
import org.runonce.starter.security.Caller;
import org.runonce.starter.security.VerifiedIdentity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Help-and-agency (帮办代办): applicants authorize agents, list and revoke their authorizations; agents list the
 * authorizations naming them; applications ask whether a caller files or reads as an agent and record what the agent
 * did. The principal's identity always comes from the principal's own verified token.
 */
@Service
public class Agency {

    /** Acts recorded under an authorization. */
    public static final String SUBMISSION = "SUBMISSION";

    public static final String READ = "READ";
    public static final String CHANGE = "CHANGE";

    static final int LIST_LIMIT = 200;

    /**
     * What an agent files under: the authorization and the principal it names, as the principal's token named them.
     *
     * @param authorization the authorization's id
     * @param principalSubject the principal's account, who owns the application
     * @param principalType NATURAL_PERSON or LEGAL_ENTITY
     * @param principalIdNumber resident ID number or credit code
     * @param principalName verified name or the company's name
     * @param agentName the acting agent's verified name (an applicant account) or display name (staff)
     */
    public record Mandate(
            UUID authorization,
            String principalSubject,
            String principalType,
            String principalIdNumber,
            String principalName,
            String agentName) {}

    private final AgencyAuthorizations authorizations;
    private final CatalogCopy catalog;
    private final TransactionTemplate transactions;
    private final Time time;

    Agency(AgencyAuthorizations authorizations, CatalogCopy catalog, TransactionTemplate transactions, Time time) {
        this.authorizations = authorizations;
        this.catalog = catalog;
        this.transactions = transactions;
        this.time = time;
    }

    // ---- the principal and the agent -------------------------------------------------------------------------------

    /** The caller authorizes an agent for themselves or for a company they represent. */
    public AuthorizationView grant(AgencyRequests.Grant request, Caller caller) {
        Instant now = time.now();
        LocalDate today = time.dayOf(now);
        VerifiedIdentity identity = caller.identity().orElseThrow(Agency::identityNotVerified);
        AgencyAuthorization.Principal principal = principal(request, caller, identity);
        checkCodes(request.scope(), today);
        AgencyRequests.AgentInput agent = request.agent();
        AgencyAuthorization authorization = AgencyAuthorization.grant(
                UUID.randomUUID(),
                principal,
                new AgencyAuthorization.Agent(
                        agent.kind(),
                        agent.username(),
                        AgencyAuthorization.Agent.APPLICANT.equals(agent.kind()) ? agent.idNumber() : null,
                        agent.name()),
                new AgencyAuthorization.Scope(
                        distinct(request.scope().itemCodes()),
                        distinct(request.scope().bundleCodes()),
                        distinct(request.scope().applicationNumbers())),
                request.validFrom(),
                request.validUntil(),
                caller.username(),
                now,
                today);
        authorizations.insert(authorization);
        return AuthorizationView.of(authorization, today, List.of());
    }

    /** The authorizations the caller gave, newest first. */
    public List<AuthorizationView> granted(Caller caller) {
        LocalDate today = time.today();
        return authorizations.grantedBy(caller.subject(), LIST_LIMIT).stream()
                .map(a -> AuthorizationView.of(a, today, authorizations.acts(a.id())))
                .toList();
    }

    /** The authorizations naming the caller as the agent, newest first: staff's as STAFF, applicants' as APPLICANT. */
    public List<AuthorizationView> received(Caller caller) {
        LocalDate today = time.today();
        List<AgencyAuthorization> found = new ArrayList<>();
        if (caller.hasRole(AgencyAuthorization.STAFF_ROLE)) {
            found.addAll(authorizations.naming(AgencyAuthorization.Agent.STAFF, username(caller), LIST_LIMIT));
        }
        if (caller.hasRole(AgencyAuthorization.APPLICANT_ROLE)) {
            found.addAll(authorizations.naming(AgencyAuthorization.Agent.APPLICANT, username(caller), LIST_LIMIT));
        }
        return found.stream()
                .filter(a -> a.agent().is(caller))
                .map(a -> AuthorizationView.of(a, today, authorizations.acts(a.id())))
                .toList();
    }

    /** One authorization, for its principal or its agent; 404 for anyone else. */
    public AuthorizationView get(String id, Caller caller) {
        AgencyAuthorization authorization = parse(id)
                .flatMap(authorizations::find)
                .filter(a -> a.principal().subject().equals(caller.subject())
                        || a.agent().is(caller))
                .orElseThrow(() -> notFound(id));
        return AuthorizationView.of(authorization, time.today(), authorizations.acts(authorization.id()));
    }

    /** The principal revokes an authorization, in force from this instant; 404 for anyone else. */
    public AuthorizationView revoke(String id, String reason, Caller caller) {
        Instant now = time.now();
        LocalDate today = time.dayOf(now);
        return transactions.execute(tx -> {
            AgencyAuthorization authorization = parse(id)
                    .flatMap(authorizations::findForUpdate)
                    .filter(a -> a.principal().subject().equals(caller.subject()))
                    .orElseThrow(() -> notFound(id));
            AgencyAuthorization revoked = authorization.revoke(reason, now, today);
            authorizations.revoked(revoked);
            return AuthorizationView.of(revoked, today, authorizations.acts(revoked.id()));
        });
    }

    // ---- applications ----------------------------------------------------------------------------------------------

    /**
     * The principal an agent files for under an authorization, if the caller is its agent and it covers the target
     * today; else 403 {@code agency-not-authorized} with the reason.
     */
    public Mandate mandate(String authorizationId, Caller caller, AgencyAuthorization.Target target) {
        LocalDate today = time.today();
        AgencyAuthorization authorization = parse(authorizationId)
                .flatMap(authorizations::find)
                .orElseThrow(() -> AgencyAuthorization.notAuthorized(
                        "NOT_THE_AGENT", "No authorization " + authorizationId + " names your account as the agent."));
        authorization.check(caller, target, today);
        AgencyAuthorization.Principal p = authorization.principal();
        return new Mandate(authorization.id(), p.subject(), p.type(), p.idNumber(), p.name(), agentName(caller));
    }

    /**
     * The authorization through which the caller may act today on an application of that applicant, if any: one
     * naming the caller, of that principal, in force and covering the application.
     */
    public Optional<UUID> admitting(
            Caller caller,
            String applicationNumber,
            String applicantSubject,
            String applicantType,
            String applicantIdNumber,
            String bundleCode,
            List<String> itemCodes) {
        if (applicantSubject == null || caller.username() == null) {
            return Optional.empty();
        }
        LocalDate today = time.today();
        AgencyAuthorization.Target target = new AgencyAuthorization.Target(applicationNumber, bundleCode, itemCodes);
        return authorizations.inForce(applicantSubject, username(caller), today).stream()
                .filter(a -> a.isFor(applicantSubject, applicantType, applicantIdNumber))
                .filter(a -> a.admits(caller, target, today))
                .map(AgencyAuthorization::id)
                .findFirst();
    }

    /**
     * Records an act of the agent, in the caller's transaction. A submission re-checks the authorization under a lock
     * first: revoked or ended since the check, the submission is refused and nothing is stored.
     */
    public void record(UUID authorization, String applicationNumber, String act, Caller caller) {
        Instant now = time.now();
        if (SUBMISSION.equals(act)) {
            AgencyAuthorization locked = authorizations
                    .findLocked(authorization)
                    .orElseThrow(() -> new IllegalStateException("no authorization " + authorization));
            AgencyAuthorization.Status status = locked.status(time.dayOf(now));
            if (status != AgencyAuthorization.Status.ACTIVE) {
                throw AgencyAuthorization.notAuthorized(
                        status.name(), "Authorization " + authorization + " is " + status + ".");
            }
        }
        authorizations.recordAct(
                authorization,
                caller.subject(),
                new AgencyAuthorizations.Act(applicationNumber, act, caller.username(), agentName(caller), now));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static AgencyAuthorization.Principal principal(
            AgencyRequests.Grant request, Caller caller, VerifiedIdentity identity) {
        if (AgencyAuthorization.NATURAL_PERSON.equals(request.principalType())) {
            if (request.creditCode() != null) {
                throw FieldError.invalid(List.of(new FieldError("creditCode", "is only for a LEGAL_ENTITY principal")));
            }
            return new AgencyAuthorization.Principal(
                    caller.subject(),
                    AgencyAuthorization.NATURAL_PERSON,
                    identity.idNumber(),
                    identity.name(),
                    identity.name(),
                    "SELF");
        }
        if (request.creditCode() == null || request.creditCode().isBlank()) {
            throw FieldError.invalid(List.of(new FieldError(
                    "creditCode", "give the credit code of the company you represent", "/creditCode", "REQUIRED")));
        }
        VerifiedIdentity.Entity entity = identity.entity(request.creditCode())
                .filter(e -> VerifiedIdentity.Entity.LEGAL_REPRESENTATIVE.equals(e.role()))
                .orElseThrow(() -> Refusal.forbidden(
                                "entity-not-authorized",
                                "Not authorized for this entity",
                                "Only the legal representative of a company your verified identity lists authorizes"
                                        + " agents for it. Nothing was stored.")
                        .with("field", "creditCode"));
        return new AgencyAuthorization.Principal(
                caller.subject(),
                AgencyAuthorization.LEGAL_ENTITY,
                entity.creditCode(),
                entity.name(),
                identity.name(),
                VerifiedIdentity.Entity.LEGAL_REPRESENTATIVE);
    }

    /** Item and bundle codes of the scope must be in the catalog (an item with a service guide in force today). */
    private void checkCodes(AgencyRequests.ScopeInput scope, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        List<String> items = scope.itemCodes() == null ? List.of() : scope.itemCodes();
        for (int i = 0; i < items.size(); i++) {
            if (catalog.itemInForce(items.get(i), today).isEmpty()) {
                errors.add(new FieldError("scope.itemCodes[" + i + "]", "is not an item in force in the catalog"));
            }
        }
        List<String> bundles = scope.bundleCodes() == null ? List.of() : scope.bundleCodes();
        for (int i = 0; i < bundles.size(); i++) {
            if (catalog.bundle(bundles.get(i)).isEmpty()) {
                errors.add(new FieldError("scope.bundleCodes[" + i + "]", "is not a bundle of the catalog"));
            }
        }
        if (!errors.isEmpty()) {
            throw FieldError.invalid(errors);
        }
    }

    /** The agent's name as acts record it: the verified name of an applicant account, else the token's name. */
    private static String agentName(Caller caller) {
        return caller.identity().map(VerifiedIdentity::name).orElse(caller.name());
    }

    private static String username(Caller caller) {
        return caller.username().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Refusal notFound(String id) {
        return Refusal.notFound("Authorization", id);
    }

    private static Refusal identityNotVerified() {
        return Refusal.forbidden(
                "identity-not-verified",
                "Identity not verified",
                "Your account has no verified real-name identity (实名认证); verify it before authorizing an agent."
                        + " Nothing was stored.");
    }
}
