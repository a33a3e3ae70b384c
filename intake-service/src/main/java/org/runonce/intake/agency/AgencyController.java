package org.runonce.intake.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.runonce.starter.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Help-and-agency: authorizations of agents by applicants, and the authorizations naming an agent. */
@RestController
@RequestMapping(path = "/api/intake/agency", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Help and agency",
        description = "帮办代办: an applicant authorizes a hall or township staff member, or another applicant account,"
                + " to file and follow applications for them")
class AgencyController {

    static final String AUTHORIZATIONS = "/api/intake/agency/authorizations";

    private final Agency agency;

    AgencyController(Agency agency) {
        this.agency = agency;
    }

    @PostMapping(path = "/authorizations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('applicant')")
    @Operation(summary = "Authorize an agent", description = """
                    The principal is the caller's verified identity (实名认证, from the token): a person for themselves, \
                    or a company the token lists with the caller as LEGAL_REPRESENTATIVE, named by `creditCode` \
                    (else 403 `entity-not-authorized`); an unverified account gets 403 `identity-not-verified`. The \
                    agent is a window clerk of the hall or a township service point (`STAFF`) or another applicant \
                    account (`APPLICANT`; with `idNumber`, only an account verified with that number), by username. \
                    The scope lists items, bundles (their codes must be in the catalog) and/or applications; \
                    `validFrom` (default today) to `validUntil`, at most a year. In force, the agent submits \
                    applications in scope naming the authorization (`agencyAuthorization` of the submission), and \
                    reads and supplements the principal's applications in scope.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = AgencyRequests.Grant.class),
                            examples = {
                                @ExampleObject(name = "a person authorizes a township staff member", value = """
                    {"principalType": "NATURAL_PERSON",
                     "agent": {"kind": "STAFF", "username": "wang.fang", "name": "王芳（转塘街道便民服务中心）"},
                     "scope": {"itemCodes": ["hrss-unemployment-benefit"]},
                     "validUntil": "2027-02-28"}"""),
                                @ExampleObject(name = "a company authorizes its agent", value = """
                    {"principalType": "LEGAL_ENTITY", "creditCode": "91330106MA2XXXXX0X",
                     "agent": {"kind": "APPLICANT", "username": "li.si", "name": "李四", "idNumber": "33010219850615202X"},
                     "scope": {"bundleCodes": ["company-startup"], "applicationNumbers": ["330000-2026-000123"]},
                     "validFrom": "2026-11-20", "validUntil": "2027-05-19"}""")
                            }))
    @ApiResponse(responseCode = "201", description = "the authorization, ACTIVE or PENDING")
    @ApiResponse(responseCode = "400", description = "invalid-request, validation-failed: days, scope, unknown codes")
    @ApiResponse(responseCode = "403", description = "identity-not-verified, entity-not-authorized")
    ResponseEntity<AuthorizationView> grant(@Valid @RequestBody AgencyRequests.Grant request, Caller caller) {
        AuthorizationView view = agency.grant(request, caller);
        return ResponseEntity.created(URI.create(AUTHORIZATIONS + "/" + view.id()))
                .body(view);
    }

    @GetMapping("/authorizations")
    @PreAuthorize("hasRole('applicant')")
    @Operation(
            summary = "My authorizations",
            description = "The authorizations the caller gave, newest first, each with its status today and every act"
                    + " of the agent under it (who filed, read or changed which application, when).")
    List<AuthorizationView> granted(Caller caller) {
        return agency.granted(caller);
    }

    @GetMapping("/received-authorizations")
    @PreAuthorize("hasAnyRole('applicant', 'window-clerk')")
    @Operation(
            summary = "Authorizations given to me",
            description = "The authorizations naming the caller as the agent (a window clerk as STAFF, an applicant"
                    + " account as APPLICANT), newest first, with their status and the acts under them.")
    List<AuthorizationView> received(Caller caller) {
        return agency.received(caller);
    }

    @GetMapping("/authorizations/{id}")
    @PreAuthorize("hasAnyRole('applicant', 'window-clerk')")
    @Operation(summary = "One authorization", description = "For its principal and its agent; 404 for anyone else.")
    AuthorizationView get(@PathVariable String id, Caller caller) {
        return agency.get(id, caller);
    }

    @PostMapping("/authorizations/{id}/revocation")
    @PreAuthorize("hasRole('applicant')")
    @Operation(
            summary = "Revoke an authorization",
            description = "By the principal, in force at once: the agent's next submission, supplement or read under"
                    + " it is refused. 409 `authorization-ended` when already revoked or ended; 404 for anyone but"
                    + " the principal.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = false,
            content =
                    @Content(
                            schema = @Schema(implementation = AgencyRequests.Revocation.class),
                            examples = @ExampleObject(value = """
                    {"reason": "已自行到窗口办理"}""")))
    AuthorizationView revoke(
            @PathVariable String id,
            @Valid @RequestBody(required = false) AgencyRequests.Revocation revocation,
            Caller caller) {
        return agency.revoke(id, revocation == null ? null : revocation.reason(), caller);
    }
}
