package org.runonce.starter.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The real-name identity (实名认证) the identity provider verified for a user account, read from the access token:
 * Keycloak user profile attributes that only administrators (the identity verification) may write, mapped into the
 * claims {@code id_type}, {@code id_number}, {@code verified_name} and {@code legal_entities}. A token without
 * {@code id_number} and {@code verified_name} has no verified identity.
 *
 * @param idType {@code RESIDENT_ID} (居民身份证), {@code PASSPORT}, ... as the verification recorded it
 * @param idNumber the document number, upper case
 * @param name the verified legal name
 * @param entities the legal entities the user may act for, as legal representative or authorized agent
 */
public record VerifiedIdentity(String idType, String idNumber, String name, List<Entity> entities) {

    static final String ID_TYPE = "id_type";
    static final String ID_NUMBER = "id_number";
    static final String NAME = "verified_name";
    static final String ENTITIES = "legal_entities";

    /** A legal entity the user acts for. */
    public record Entity(String creditCode, String name, String role) {

        /** Roles an entity's authorization names; anything else is read as an agent. */
        public static final String LEGAL_REPRESENTATIVE = "LEGAL_REPRESENTATIVE";

        public static final String AGENT = "AGENT";
    }

    public VerifiedIdentity {
        idNumber = idNumber.strip().toUpperCase(Locale.ROOT);
        entities = List.copyOf(entities);
    }

    /** The verified identity in the token's claims, if the account has one. */
    public static Optional<VerifiedIdentity> from(Jwt jwt) {
        String number = jwt.getClaimAsString(ID_NUMBER);
        String name = jwt.getClaimAsString(NAME);
        if (number == null || number.isBlank() || name == null || name.isBlank()) {
            return Optional.empty();
        }
        String type = Optional.ofNullable(jwt.getClaimAsString(ID_TYPE)).orElse("RESIDENT_ID");
        return Optional.of(new VerifiedIdentity(
                type, number, name.strip(), entities(jwt.getClaims().get(ENTITIES))));
    }

    /**
     * The entity of that unified social credit code, if the user may act for it.
     *
     * @param creditCode compared ignoring case and surrounding space
     */
    public Optional<Entity> entity(String creditCode) {
        if (creditCode == null) {
            return Optional.empty();
        }
        String wanted = creditCode.strip().toUpperCase(Locale.ROOT);
        return entities.stream().filter(e -> e.creditCode().equals(wanted)).findFirst();
    }

    /** The number with all but the first and last characters masked, for logs and messages. */
    public String maskedIdNumber() {
        return idNumber.length() <= 4
                ? "****"
                : idNumber.charAt(0) + "*".repeat(idNumber.length() - 2) + idNumber.charAt(idNumber.length() - 1);
    }

    /** Masks the number: a caller logged or put into an exception message never shows it in full. */
    @Override
    public String toString() {
        return "VerifiedIdentity[idType=" + idType + ", idNumber=" + maskedIdNumber() + ", name=" + name + ", entities="
                + entities + "]";
    }

    /**
     * Keycloak maps a multivalued attribute to a JSON array of strings (one value: a string): each value
     * {@code <credit code>|<name>|<role>}; objects {@code {"creditCode", "name", "role"}} are read too.
     */
    private static List<Entity> entities(Object claim) {
        List<Entity> entities = new ArrayList<>();
        Collection<?> values = claim instanceof Collection<?> many ? many : claim == null ? List.of() : List.of(claim);
        for (Object value : values) {
            if (value instanceof Map<?, ?> map && map.get("creditCode") instanceof String code) {
                entities.add(entity(code, string(map.get("name")), string(map.get("role"))));
            } else if (value instanceof String text) {
                String[] parts = text.split("\\|", -1);
                if (parts.length >= 2 && !parts[0].isBlank()) {
                    entities.add(entity(parts[0], parts[1], parts.length > 2 ? parts[2] : null));
                }
            }
        }
        return entities;
    }

    private static Entity entity(String code, String name, String role) {
        return new Entity(
                code.strip().toUpperCase(Locale.ROOT),
                name == null ? "" : name.strip(),
                Entity.LEGAL_REPRESENTATIVE.equals(role == null ? null : role.strip())
                        ? Entity.LEGAL_REPRESENTATIVE
                        : Entity.AGENT);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
