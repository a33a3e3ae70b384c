package org.runonce.approval;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.runonce.starter.personaldata.PersonalDataCipher;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How approval stores resident ID numbers, credit codes and phone numbers (PIPL, docs/data-map.md): encrypted with the
 * service's {@link PersonalDataCipher}, single values (a complainant's phone) or inside the JSON it keeps (a case's
 * applicant, a case file's form, a certificate's holder and content). In JSON, every string under a field named like
 * an ID number ({@code idNumber}, {@code fatherIdNumber}), a credit code ({@code unifiedSocialCreditCode}) or a phone
 * number ({@code phone}, {@code contactPhone}), and every other string that is a resident ID number, as intake stores
 * its applications; names, e-mail addresses and the rest stay readable to SQL. Reading accepts both forms, so rows
 * written before encryption (and the ones a guard keeps as they are) read as before.
 */
@Component
public class StoredPersonalData {

    private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[\\dXx]");
    private static final String[] PERSONAL_FIELD_ENDINGS = {"idnumber", "creditcode", "phone"};

    private final PersonalDataCipher cipher;
    private final JsonMapper json;

    StoredPersonalData(PersonalDataCipher cipher, JsonMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    /** The value encrypted (null stays null, an encrypted value stays as it is). */
    public String encrypt(String value) {
        return cipher.encrypt(value);
    }

    /** The plaintext of a stored value, encrypted or written before encryption. */
    public String decrypt(String stored) {
        return cipher.decrypt(stored);
    }

    /** Whether a stored value still needs encrypting. */
    public static boolean plaintext(String stored) {
        return stored != null && !PersonalDataCipher.isEncrypted(stored);
    }

    /** The value as JSON, its personal values encrypted. */
    public String write(Object value) {
        JsonNode tree = json.valueToTree(value);
        walk(tree, null, true);
        return json.writeValueAsString(tree);
    }

    /** Stored JSON with its personal values encrypted (those encrypted already stay as they are). */
    public String encryptJson(String stored) {
        JsonNode tree = json.readTree(stored);
        walk(tree, null, true);
        return json.writeValueAsString(tree);
    }

    public <T> T read(String stored, Class<T> type) {
        return json.treeToValue(decrypted(stored), type);
    }

    public <T> T read(String stored, TypeReference<T> type) {
        return json.treeToValue(decrypted(stored), json.getTypeFactory().constructType(type));
    }

    private JsonNode decrypted(String stored) {
        JsonNode tree = json.readTree(stored);
        walk(tree, null, false);
        return tree;
    }

    private void walk(JsonNode node, String field, boolean encrypt) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                String value = changed(e.getKey(), e.getValue(), encrypt);
                if (value != null) {
                    object.put(e.getKey(), value);
                } else {
                    walk(e.getValue(), e.getKey(), encrypt);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String value = changed(field, array.get(i), encrypt);
                if (value != null) {
                    array.set(i, array.stringNode(value));
                } else {
                    walk(array.get(i), field, encrypt);
                }
            }
        }
    }

    /** The new text of a string value, or null when it stays as it is (or is not a string). */
    private String changed(String field, JsonNode value, boolean encrypt) {
        if (!value.isString()) {
            return null;
        }
        String text = value.asString();
        if (!encrypt) {
            return PersonalDataCipher.isEncrypted(text) ? cipher.decrypt(text) : null;
        }
        return plaintext(text) && personal(field, text) ? cipher.encrypt(text) : null;
    }

    static boolean personal(String field, String text) {
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
}
