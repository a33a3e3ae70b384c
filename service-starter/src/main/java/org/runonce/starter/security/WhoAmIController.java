package org.runonce.starter.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/<service>/whoami}: the caller as this service sees it. Roles allowed: {@code
 * runonce.security.whoami-roles}.
 */
@RestController
@Tag(name = "Who am I", description = "The caller as the service sees it")
class WhoAmIController {

    /** The caller's identity as the service understood the token. */
    record WhoAmI(
            String username,
            String subject,
            String name,
            List<String> roles,
            String department,
            String client,
            String service,
            boolean identityVerified) {}

    private final String service;

    WhoAmIController(String service) {
        this.service = service;
    }

    @GetMapping("${runonce.service.api-path}/whoami")
    @Operation(summary = "The caller as this service sees it: username, roles, department, verified identity")
    WhoAmI whoami(Caller caller) {
        return new WhoAmI(
                caller.username(),
                caller.subject(),
                caller.name(),
                caller.roles().stream().sorted().toList(),
                caller.department().orElse(null),
                caller.clientId(),
                service,
                caller.identity().isPresent());
    }
}
