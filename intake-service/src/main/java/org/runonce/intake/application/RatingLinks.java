package org.runonce.intake.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.runonce.intake.IntakeProperties;
import org.springframework.stereotype.Component;

/**
 * The links by which an applicant rates the service without signing in (好差评 by SMS): the application number and
 * the last day the link works, signed with HMAC-SHA256 ({@code runonce.intake.evaluation.link-key}). The link is the
 * applicant's authority to rate once; it shows nothing of the application but its number and departments.
 */
@Component
public class RatingLinks {

    static final String PATH = "/api/intake/public/ratings/";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final int validDays;

    RatingLinks(IntakeProperties properties) {
        this.key = new SecretKeySpec(properties.evaluation().linkKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.validDays = properties.evaluation().linkValidDays();
    }

    /** The link's path for an application whose rating opens {@code today}. */
    public String pathFor(String number, LocalDate today) {
        String payload =
                ENCODER.encodeToString((number + "|" + today.plusDays(validDays)).getBytes(StandardCharsets.UTF_8));
        return PATH + payload + "." + ENCODER.encodeToString(signature(payload));
    }

    /** The application a link is for, if it is genuine and still works on {@code today}. */
    public Optional<String> numberOf(String token, LocalDate today) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1 || token.length() > 512) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] given = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, signature(payload))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2 || LocalDate.parse(parts[1]).isBefore(today)) {
                return Optional.empty();
            }
            return Optional.of(parts[0]);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private byte[] signature(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
