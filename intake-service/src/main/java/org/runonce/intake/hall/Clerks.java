package org.runonce.intake.hall;

import java.util.Optional;
import org.runonce.starter.domain.Refusal;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** The clerk behind a request: the service point comes from the token's {@code service_point} claim. */
@Component
class Clerks {

    static final String CLAIM = "service_point";

    Staff of(Authentication authentication) {
        String point = authentication instanceof JwtAuthenticationToken token
                ? token.getToken().getClaimAsString(CLAIM)
                : null;
        String subject = authentication instanceof JwtAuthenticationToken token
                ? token.getToken().getSubject()
                : authentication.getName();
        return new Staff(subject, authentication.getName(), Optional.ofNullable(point));
    }

    /** The clerk, who must work at {@code point}: 403 otherwise. */
    Staff at(Authentication authentication, String point) {
        Staff clerk = of(authentication);
        if (!clerk.worksAt(point)) {
            throw Refusal.forbidden(
                            "other-service-point",
                            "Another service point",
                            clerk.servicePoint().isEmpty()
                                    ? "your account names no service point (service_point)"
                                    : "you work at " + clerk.servicePoint().get() + ", not at " + point)
                    .with("servicePoint", point);
        }
        return clerk;
    }

    boolean isClerk(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_window-clerk"));
    }
}
