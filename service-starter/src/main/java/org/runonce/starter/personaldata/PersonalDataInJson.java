package org.runonce.starter.personaldata;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which values of JSON a service stores are personal and so encrypted (docs/data-map.md): every string under a field
 * named like an ID number ({@code idNumber}, {@code holderIdNumber}), a credit code ({@code unifiedSocialCreditCode})
 * or a phone number ({@code phone}, {@code contactPhone}), wherever it is, and every other string that is a resident ID
 * number (a form field such as a parent's number). Names, e-mail addresses and the rest stay readable to SQL. intake
 * applies it to its applications' state, approval to its cases, case files and certificates.
 */
public final class PersonalDataInJson {

    private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[\\dXx]");
    private static final String[] PERSONAL_FIELD_ENDINGS = {"idnumber", "creditcode", "phone"};

    private PersonalDataInJson() {}

    /** Encrypts the personal values of {@code node} in place; values encrypted already stay as they are. */
    public static void encrypt(JsonNode node, PersonalDataCipher cipher) {
        walk(node, null, cipher, true);
    }

    /** Decrypts every encrypted value of {@code node} in place; plaintext (written before encryption) stays. */
    public static void decrypt(JsonNode node, PersonalDataCipher cipher) {
        walk(node, null, cipher, false);
    }

    /** Masks every value {@link #encrypt} would encrypt ({@code node} decrypted): for views that need no more. */
    public static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                JsonNode value = e.getValue();
                if (value.isString() && isPersonal(e.getKey(), value.asString())) {
                    object.put(
                            e.getKey(),
                            e.getKey().toLowerCase(Locale.ROOT).endsWith("phone")
                                    ? Masking.phone(value.asString())
                                    : Masking.idNumber(value.asString()));
                } else {
                    mask(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isString() && isPersonal(null, value.asString())) {
                    array.set(i, array.stringNode(Masking.idNumber(value.asString())));
                } else {
                    mask(value);
                }
            }
        }
    }

    /** Whether the string {@code text} under {@code field} (null in an array) is personal. */
    public static boolean isPersonal(String field, String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (field != null) {
            String name = field.toLowerCase(Locale.ROOT);
            for (String ending : PERSONAL_FIELD_ENDINGS) {
                if (name.endsWith(ending)) {
                    return true;
                }
            }
        }
        return RESIDENT_ID.matcher(text).matches();
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
        return !PersonalDataCipher.isEncrypted(text) && isPersonal(field, text) ? cipher.encrypt(text) : null;
    }
}
