package org.runonce.approval.papers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The printed certificates' settings, {@code runonce.papers.*}.
 *
 * @param verifyUrl what the QR code on a certificate opens, {@code {number}} standing for the certificate number: a
 *     verification page, or (the default) the certificate's public status through the local gateway (no token needed)
 */
@Validated
@ConfigurationProperties("runonce.papers")
record PapersProperties(
        @DefaultValue("http://localhost:8080/api/approval/certificates/{number}")
        @NotBlank
        @Pattern(regexp = "https?://.*\\{number}.*", message = "an http(s) URL with {number}")
        String verifyUrl) {

    String verifyUrl(String certificateNumber) {
        return verifyUrl.replace("{number}", certificateNumber);
    }
}
