package org.runonce.starter.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, read from the validated access token. Declare it as a controller method parameter
 * ({@code ResponseEntity<?> list(Caller caller)}) or get it with {@link #from(Authentication)}.
 *
 * @param subject the token's {@code sub}, stable per user or client
 * @param username {@code preferred_username}, or the subject when the token has none
 * @param name display name ({@code name} claim), or the username
 * @param roles realm roles, without the {@code ROLE_} prefix
 * @param department department code for department-scoped users and clients
 * @param clientId the OAuth2 client the token was issued to ({@code azp})
 * @param identity the real-name identity the identity provider verified for the account, if any
 */
public record Caller(
        String subject,
        String username,
        String name,
        Set<String> roles,
        Optional<String> department,
        String clientId,
        Optional<VerifiedIdentity> identity) {

    static final String ROLE_PREFIX = "ROLE_";

    public Caller {
        roles = Set.copyOf(roles);
        identity = identity == null ? Optional.empty() : identity;
    }

    /** A caller without a verified identity (staff, systems). */
    public Caller(
            String subject,
            String username,
            String name,
            Set<String> roles,
            Optional<String> department,
            String clientId) {
        this(subject, username, name, roles, department, clientId, Optional.empty());
    }

    /** The caller behind an authentication made by the starter's JWT converter (or by {@code jwt()} in tests). */
    public static Caller from(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new AuthenticationCredentialsNotFoundException("no bearer token");
        }
        var jwt = token.getToken();
        var roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE_PREFIX))
                .map(a -> a.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toSet());
        String username = token.getName();
        String name = Optional.ofNullable(jwt.getClaimAsString("name")).orElse(username);
        return new Caller(
                jwt.getSubject(),
                username,
                name,
                roles,
                Optional.ofNullable(jwt.getClaimAsString("department")),
                jwt.getClaimAsString("azp"),
                VerifiedIdentity.from(jwt));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether the caller is scoped to this department. */
    public boolean belongsTo(String departmentCode) {
        return department.filter(departmentCode::equals).isPresent();
    }
}
