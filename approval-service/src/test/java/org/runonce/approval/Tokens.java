package org.runonce.approval;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.runonce.starter.security.Caller;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Access tokens as Keycloak issues them (realm roles, department claim), for MockMvc. */
public final class Tokens {

    private Tokens() {}

    public static RequestPostProcessor token(String username, String department, String... roles) {
        return issuedTo("runonce-portal", username, department, roles);
    }

    /** A token issued to {@code clientId} (the {@code azp} claim). */
    public static RequestPostProcessor issuedTo(String clientId, String username, String department, String... roles) {
        return jwt().jwt(t -> {
                    t.subject(username).claim("preferred_username", username).claim("azp", clientId);
                    if (department != null) {
                        t.claim("department", department);
                    }
                })
                .authorities(Arrays.stream(roles)
                        .map(r -> (org.springframework.security.core.GrantedAuthority)
                                new SimpleGrantedAuthority("ROLE_" + r))
                        .toList());
    }

    public static RequestPostProcessor reviewer(String department, String username) {
        return token(username, department, "reviewer");
    }

    public static RequestPostProcessor head(String department, String username) {
        return token(username, department, "department-head");
    }

    /**
     * A department system's token as Keycloak issues it for client credentials: client {@code <dept>-system}, its
     * service account {@code service-account-<dept>-system}, the client's hard-coded department claim.
     */
    public static RequestPostProcessor system(String department) {
        String client = department.toLowerCase(java.util.Locale.ROOT) + "-system";
        return issuedTo(client, systemAccount(department), department, "department-system");
    }

    /** The username the audit trail records for a department system's actions. */
    public static String systemAccount(String department) {
        return "service-account-" + department.toLowerCase(java.util.Locale.ROOT) + "-system";
    }

    public static RequestPostProcessor applicant(String subject) {
        return token(subject, null, "applicant");
    }

    public static RequestPostProcessor supervisor() {
        return token("supervisor.qian", null, "supervisor");
    }

    /** The same caller for calling services directly. */
    public static Caller caller(String username, String department, String... roles) {
        return new Caller(username, username, username, Set.of(roles), Optional.ofNullable(department), "test");
    }
}
