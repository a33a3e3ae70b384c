package org.runonce.notification.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The receivers' machine-readable description: the OpenAPI 3.1 document of the callbacks ({@code webhooks}), the same
 * file as {@code notification-service/docs/webhooks.openapi.json}, open to anyone (it describes no data, only the
 * shape of what a department system receives).
 */
@RestController
@Tag(name = "Subscriptions")
class ReceiverDocumentController {

    static final String PATH = "/api/notifications/webhooks/openapi.json";

    private final Resource document = new ClassPathResource("webhooks/webhooks.openapi.json");

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The OpenAPI 3.1 document of the webhook callbacks a department system receives",
            description = "Headers, the validation handshake, the CloudEvent envelope and each event type's payload")
    ResponseEntity<Resource> document() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }
}
