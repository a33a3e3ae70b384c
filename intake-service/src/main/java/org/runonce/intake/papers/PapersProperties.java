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
 * @param verifyUrl what the QR code on a printed e-certificate opens, {@code {number}} standing for the certificate
 *     number: a verification page, or (the default) approval's public status of the certificate through the local
 *     gateway (no token needed)
 */
@Validated
@ConfigurationProperties("runonce.papers")
record PapersProperties(
        @DefaultValue("http://localhost:8080/api/intake/applications/{number}")
        @NotBlank
        @Pattern(regexp = "https?://.*\\{number}.*", message = "an http(s) URL with {number}")
        String progressUrl,

        @DefaultValue("http://localhost:8080/api/approval/certificates/{number}")
        @NotBlank
        @Pattern(regexp = "https?://.*\\{number}.*", message = "an http(s) URL with {number}")
        String verifyUrl) {

    String progressUrl(String applicationNumber) {
        return progressUrl.replace("{number}", applicationNumber);
    }

    String verifyUrl(String certificateNumber) {
        return verifyUrl.replace("{number}", certificateNumber);
    }
}
