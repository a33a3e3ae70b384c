package org.runonce.intake.papers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The papers' settings, {@code runonce.papers.*}.
 *
 * @param progressUrl what the QR code on a receipt or notice opens, {@code {number}} standing for the application
 *     number: the progress page of the applicants' portal, or (the default) the application's API resource through
 *     the local gateway
 */
@Validated
@ConfigurationProperties("runonce.papers")
record PapersProperties(
        @DefaultValue("http://localhost:8080/api/intake/applications/{number}")
        @NotBlank
        @Pattern(regexp = "https?://.*\\{number}.*", message = "an http(s) URL with {number}")
        String progressUrl) {

    String progressUrl(String applicationNumber) {
        return progressUrl.replace("{number}", applicationNumber);
    }
}
