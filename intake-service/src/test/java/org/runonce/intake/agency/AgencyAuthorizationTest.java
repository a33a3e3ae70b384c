package org.runonce.intake.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.security.Caller;
import org.runonce.starter.security.VerifiedIdentity;

/** The rules of an authorization: who is its agent, when it is in force, what it covers, granting and revoking. */
class AgencyAuthorizationTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    static final String AGENT_ID = "33010219850615202X";
    static final String SOMEONE_ELSE = "110101199003071234";

    static final AgencyAuthorization.Principal ZHAO =
            new AgencyAuthorization.Principal("user-zhao", "NATURAL_PERSON", "330106199001011234", "赵六", "赵六", "SELF");

    static final AgencyAuthorization.Target UNEMPLOYMENT =
            new AgencyAuthorization.Target(null, null, List.of("hrss-unemployment-benefit"));

    @Test
    void inForceFromTheFirstToTheLastDayUntilRevoked() {
        AgencyAuthorization a = staff("wang.fang", LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-30"));

        assertThat(a.status(TODAY)).isEqualTo(AgencyAuthorization.Status.PENDING);
        assertThat(a.status(LocalDate.parse("2026-11-22"))).isEqualTo(AgencyAuthorization.Status.ACTIVE);
        assertThat(a.status(LocalDate.parse("2026-11-30"))).isEqualTo(AgencyAuthorization.Status.ACTIVE);
        assertThat(a.status(LocalDate.parse("2026-12-01"))).isEqualTo(AgencyAuthorization.Status.EXPIRED);
        AgencyAuthorization revoked = a.revoke("自行办理", NOW, LocalDate.parse("2026-11-23"));
        assertThat(revoked.status(LocalDate.parse("2026-11-23"))).isEqualTo(AgencyAuthorization.Status.REVOKED);
        assertThat(revoked.revocationReason()).isEqualTo("自行办理");

        Caller clerk = clerk("wang.fang");
        assertThat(reason(() -> a.check(clerk, UNEMPLOYMENT, TODAY))).isEqualTo("NOT_YET_VALID");
        a.check(clerk, UNEMPLOYMENT, LocalDate.parse("2026-11-25"));
        assertThat(reason(() -> a.check(clerk, UNEMPLOYMENT, LocalDate.parse("2026-12-01"))))
                .isEqualTo("EXPIRED");
        assertThat(reason(() -> revoked.check(clerk, UNEMPLOYMENT, LocalDate.parse("2026-11-25"))))
                .isEqualTo("REVOKED");
        assertThatThrownBy(() -> revoked.revoke(null, NOW, LocalDate.parse("2026-11-24")))
                .isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).status())
                .isEqualTo(409);
    }

    @Test
    void theScopeCoversItsItemsItsBundlesAndItsApplicationsOnly() {
        AgencyAuthorization.Scope scope = new AgencyAuthorization.Scope(
                List.of("hrss-unemployment-benefit", "samr-company-registration"),
                List.of("company-startup"),
                List.of("330000-2026-000007"));

        assertThat(scope.covers(UNEMPLOYMENT)).isTrue();
        assertThat(scope.covers(new AgencyAuthorization.Target(null, null, List.of("samr-food-business-licence"))))
                .isFalse();
        assertThat(scope.covers(new AgencyAuthorization.Target(
                        null, "company-startup", List.of("samr-company-registration", "police-seal-engraving"))))
                .isTrue();
        // a bundle outside the scope is covered only when every one of its items is
        assertThat(scope.covers(new AgencyAuthorization.Target(
                        null, "other-bundle", List.of("samr-company-registration", "police-seal-engraving"))))
                .isFalse();
        assertThat(scope.covers(new AgencyAuthorization.Target(
                        null, "other-bundle", List.of("samr-company-registration", "hrss-unemployment-benefit"))))
                .isTrue();
        assertThat(scope.covers(new AgencyAuthorization.Target("330000-2026-000007", null, List.of("tax-invoice"))))
                .isTrue();
        assertThat(scope.covers(new AgencyAuthorization.Target("330000-2026-000008", null, List.of("tax-invoice"))))
                .isFalse();
        assertThat(scope.covers(new AgencyAuthorization.Target(null, null, List.of())))
                .isFalse();

        AgencyAuthorization a = staff("wang.fang", TODAY, TODAY.plusDays(30));
        assertThat(reason(() -> a.check(
                        clerk("wang.fang"),
                        new AgencyAuthorization.Target(null, null, List.of("samr-food-business-licence")),
                        TODAY)))
                .isEqualTo("OUT_OF_SCOPE");
    }

    @Test
    void theAgentIsTheNamedAccountWithTheRoleOfItsKindAndForAnApplicantAccountVerified() {
        AgencyAuthorization staff = staff("Wang.Fang", TODAY, TODAY.plusDays(30));
        assertThat(staff.agent().username()).isEqualTo("wang.fang");
        assertThat(staff.admits(clerk("wang.fang"), UNEMPLOYMENT, TODAY)).isTrue();
        assertThat(staff.admits(clerk("li.na"), UNEMPLOYMENT, TODAY)).isFalse();
        // the staff member's username on an applicant account is not the staff member
        assertThat(staff.admits(applicant("wang.fang", "王芳", SOMEONE_ELSE), UNEMPLOYMENT, TODAY))
                .isFalse();
        assertThat(reason(() -> staff.check(clerk("li.na"), UNEMPLOYMENT, TODAY)))
                .isEqualTo("NOT_THE_AGENT");

        AgencyAuthorization byNumber = authorization(
                new AgencyAuthorization.Agent("APPLICANT", "li.si", AGENT_ID, "李四"), TODAY, TODAY.plusDays(30));
        assertThat(byNumber.admits(applicant("li.si", "李四", AGENT_ID), UNEMPLOYMENT, TODAY))
                .isTrue();
        assertThat(byNumber.admits(applicant("li.si", "李四", SOMEONE_ELSE), UNEMPLOYMENT, TODAY))
                .as("another person on the account")
                .isFalse();
        assertThat(byNumber.admits(unverified("li.si"), UNEMPLOYMENT, TODAY)).isFalse();
        assertThat(byNumber.admits(clerk("li.si"), UNEMPLOYMENT, TODAY)).isFalse();
    }

    @Test
    void anAuthorizationConcernsOnlyThePrincipalsOwnApplications() {
        AgencyAuthorization a = staff("wang.fang", TODAY, TODAY.plusDays(30));

        assertThat(a.isFor("user-zhao", "NATURAL_PERSON", "330106199001011234")).isTrue();
        assertThat(a.isFor("user-other", "NATURAL_PERSON", "330106199001011234"))
                .isFalse();
        // the same account's applications for a company it represents are not the person's
        assertThat(a.isFor("user-zhao", "LEGAL_ENTITY", "91330106MA2XXXXX0X")).isFalse();
        assertThat(a.principal().shownIdNumber()).isEqualTo("330106********1234");
    }

    @Test
    void grantingChecksTheDaysTheScopeAndThatTheAgentIsSomeoneElse() {
        AgencyAuthorization.Agent agent = new AgencyAuthorization.Agent("STAFF", "wang.fang", null, null);
        AgencyAuthorization.Scope scope =
                new AgencyAuthorization.Scope(List.of("hrss-unemployment-benefit"), null, null);

        AgencyAuthorization fromToday = AgencyAuthorization.grant(
                UUID.randomUUID(), ZHAO, agent, scope, null, TODAY.plusDays(10), "zhao.liu", NOW, TODAY);
        assertThat(fromToday.validFrom()).isEqualTo(TODAY);
        assertThat(fromToday.status(TODAY)).isEqualTo(AgencyAuthorization.Status.ACTIVE);

        assertThat(field(() -> AgencyAuthorization.grant(
                        UUID.randomUUID(), ZHAO, agent, scope, TODAY.minusDays(1), TODAY, "zhao.liu", NOW, TODAY)))
                .isEqualTo("validFrom");
        assertThat(field(() -> AgencyAuthorization.grant(
                        UUID.randomUUID(),
                        ZHAO,
                        agent,
                        scope,
                        TODAY.plusDays(5),
                        TODAY.plusDays(4),
                        "zhao.liu",
                        NOW,
                        TODAY)))
                .isEqualTo("validUntil");
        assertThat(field(() -> AgencyAuthorization.grant(
                        UUID.randomUUID(), ZHAO, agent, scope, TODAY, TODAY.plusDays(366), "zhao.liu", NOW, TODAY)))
                .isEqualTo("validUntil");
        AgencyAuthorization.grant(
                UUID.randomUUID(), ZHAO, agent, scope, TODAY, TODAY.plusDays(365), "zhao.liu", NOW, TODAY);
        assertThat(field(() -> AgencyAuthorization.grant(
                        UUID.randomUUID(),
                        ZHAO,
                        agent,
                        new AgencyAuthorization.Scope(null, null, null),
                        null,
                        TODAY,
                        "zhao.liu",
                        NOW,
                        TODAY)))
                .isEqualTo("scope");
        assertThat(field(() -> AgencyAuthorization.grant(
                        UUID.randomUUID(), ZHAO, agent, scope, null, TODAY, "Wang.Fang", NOW, TODAY)))
                .isEqualTo("agent.username");
    }

    static AgencyAuthorization staff(String username, LocalDate from, LocalDate until) {
        return authorization(new AgencyAuthorization.Agent("STAFF", username, null, "王芳"), from, until);
    }

    static AgencyAuthorization authorization(AgencyAuthorization.Agent agent, LocalDate from, LocalDate until) {
        return new AgencyAuthorization(
                UUID.randomUUID(),
                ZHAO,
                agent,
                new AgencyAuthorization.Scope(List.of("hrss-unemployment-benefit"), List.of(), List.of()),
                from,
                until,
                NOW,
                null,
                null);
    }

    static Caller clerk(String username) {
        return new Caller(
                "subject-" + username, username, username, Set.of("window-clerk"), Optional.empty(), "portal");
    }

    static Caller applicant(String username, String name, String idNumber) {
        return new Caller(
                "subject-" + username,
                username,
                name,
                Set.of("applicant"),
                Optional.empty(),
                "portal",
                Optional.of(new VerifiedIdentity("RESIDENT_ID", idNumber, name, List.of())));
    }

    static Caller unverified(String username) {
        return new Caller("subject-" + username, username, username, Set.of("applicant"), Optional.empty(), "portal");
    }

    static String reason(Runnable check) {
        try {
            check.run();
        } catch (Refusal refusal) {
            assertThat(refusal.status()).isEqualTo(403);
            assertThat(refusal.slug()).isEqualTo("agency-not-authorized");
            return (String) refusal.members().get("reason");
        }
        throw new AssertionError("not refused");
    }

    static String field(Runnable grant) {
        try {
            grant.run();
        } catch (Refusal refusal) {
            assertThat(refusal.status()).isEqualTo(400);
            return (String) refusal.members().get("field");
        }
        throw new AssertionError("not refused");
    }
}
