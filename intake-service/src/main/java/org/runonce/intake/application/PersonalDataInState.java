package org.runonce.intake.application;

import java.util.Map;
import java.util.regex.Pattern;
import org.runonce.starter.personaldata.Masking;
import org.runonce.starter.personaldata.PersonalDataCipher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which values of an application's stored state are encrypted (the {@code application.state} column): every field
 * named like an ID number ({@code idNumber}, {@code holderIdNumber}, {@code principalIdNumber}, ...) or a phone number
 * ({@code phone}, {@code contactPhone}, ...), wherever it is (applicant, certificates offered as materials, form), and
 * every other string that is a resident ID number (form fields such as a parent's ID number). Names, e-mail addresses
 * and the rest of the form stay readable to SQL.
 */
final class PersonalDataInState {

    private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[\\dXx]");

    private PersonalDataInState() {}

    static void encrypt(JsonNode node, PersonalDataCipher cipher) {
        walk(node, null, cipher, true);
    }

    static void decrypt(JsonNode node, PersonalDataCipher cipher) {
        walk(node, null, cipher, false);
    }

    /** Masks every value {@link #encrypt} would encrypt (the state must be decrypted): for views that need no more. */
    static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                JsonNode value = e.getValue();
                if (value.isString() && personal(e.getKey(), value.asString())) {
                    String name = e.getKey().toLowerCase(java.util.Locale.ROOT);
                    object.put(
                            e.getKey(),
                            name.endsWith("phone")
                                    ? Masking.phone(value.asString())
                                    : Masking.idNumber(value.asString()));
                } else {
                    mask(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isString() && personal(null, value.asString())) {
                    array.set(i, array.stringNode(Masking.idNumber(value.asString())));
                } else {
                    mask(value);
                }
            }
        }
    }

    private static void walk(JsonNode node, String field, PersonalDataCipher cipher, boolean encrypt) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                String value = changed(e.getKey(), e.getValue(), cipher, encrypt);
                if (value != null) {
                    object.put(e.getKey(), value);
                } else {
                    walk(e.getValue(), e.getKey(), cipher, encrypt);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String value = changed(field, array.get(i), cipher, encrypt);
                if (value != null) {
                    array.set(i, array.stringNode(value));
                } else {
                    walk(array.get(i), field, cipher, encrypt);
                }
            }
        }
    }

    /** The new text of a string value, or null when it stays as it is (or is not a string). */
    private static String changed(String field, JsonNode value, PersonalDataCipher cipher, boolean encrypt) {
        if (!value.isString()) {
            return null;
        }
        String text = value.asString();
        if (!encrypt) {
            return PersonalDataCipher.isEncrypted(text) ? cipher.decrypt(text) : null;
        }
        return !PersonalDataCipher.isEncrypted(text) && personal(field, text) ? cipher.encrypt(text) : null;
    }

    static boolean personal(String field, String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (field != null) {
            String name = field.toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith("idnumber") || name.endsWith("phone")) {
                return true;
            }
        }
        return RESIDENT_ID.matcher(text).matches();
    }
}
