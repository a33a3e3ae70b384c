package org.runonce.intake.agency;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The request bodies of the help-and-agency API. */
public final class AgencyRequests {

    private AgencyRequests() {}

    static final String CODE = "[a-z0-9][a-z0-9-]{1,62}[a-z0-9]";
    static final String APPLICATION_NUMBER = "[0-9]{6}-[0-9]{4}-[0-9]{1,12}";

    /**
     * An applicant authorizes an agent. Who the principal is comes from the caller's verified token, never from the
     * body: a person authorizes for themselves; a company's legal representative names the company by its credit code,
     * which the token must list with the role LEGAL_REPRESENTATIVE.
     *
     * @param principalType NATURAL_PERSON (for yourself) or LEGAL_ENTITY (for a company you represent)
     * @param creditCode for LEGAL_ENTITY: the unified social credit code of the company
     * @param agent who acts for you
     * @param scope on what
     * @param validFrom first day in force, today or later; default today
     * @param validUntil last day in force, at most a year after the first
     */
    @Schema(name = "AgencyAuthorizationRequest")
    public record Grant(
            @Schema(example = "NATURAL_PERSON") @NotNull @Pattern(regexp = "NATURAL_PERSON|LEGAL_ENTITY")
            String principalType,

            @Schema(example = "91330106MA2XXXXX0X") @Size(max = 40)
            String creditCode,

            @NotNull @Valid AgentInput agent,
            @NotNull @Valid ScopeInput scope,

            @Schema(example = "2026-11-20") LocalDate validFrom,

            @Schema(example = "2027-02-28") @NotNull LocalDate validUntil) {}

    /**
     * The agent.
     *
     * @param kind STAFF (a window clerk of the hall or a township service point, 帮办员) or APPLICANT (another applicant
     *     account, e.g. a company's agent 代办人)
     * @param username the account's username
     * @param name how you call the agent, shown in the lists
     * @param idNumber for APPLICANT: the agent's resident ID number; when given only an account verified with that
     *     number acts
     */
    @Schema(name = "AgencyAgentInput")
    public record AgentInput(
            @Schema(example = "STAFF") @NotNull @Pattern(regexp = "STAFF|APPLICANT")
            String kind,

            @Schema(example = "wang.fang") @NotBlank @Size(max = 100)
            String username,

            @Schema(example = "王芳（西湖区市民中心帮办员）") @Size(max = 100)
            String name,

            @Schema(example = "33010219850615202X") @Size(max = 40)
            String idNumber) {}

    /**
     * What the agent may act on; give at least one.
     *
     * @param itemCodes applications for these items (a bundle's when all its items are listed)
     * @param bundleCodes applications for these bundles
     * @param applicationNumbers these applications of yours
     */
    @Schema(name = "AgencyScopeInput")
    public record ScopeInput(
            @ArraySchema(schema = @Schema(example = "hrss-unemployment-benefit")) @Size(max = 50)
            List<@NotNull @Pattern(regexp = CODE) String> itemCodes,

            @ArraySchema(schema = @Schema(example = "company-startup")) @Size(max = 50)
            List<@NotNull @Pattern(regexp = CODE) String> bundleCodes,

            @ArraySchema(schema = @Schema(example = "330000-2026-000123")) @Size(max = 50)
            List<@NotNull @Pattern(regexp = APPLICATION_NUMBER) String> applicationNumbers) {}

    /** @param reason why, for your own list; optional */
    @Schema(name = "AgencyRevocationRequest")
    public record Revocation(
            @Schema(example = "已自行到窗口办理") @Size(max = 500) String reason) {}
}
