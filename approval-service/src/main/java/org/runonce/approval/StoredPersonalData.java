package org.runonce.approval;

import org.runonce.starter.personaldata.PersonalDataCipher;
import org.runonce.starter.personaldata.PersonalDataInJson;
import org.runonce.starter.personaldata.PlaintextRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How approval stores resident ID numbers, credit codes and phone numbers (PIPL, docs/data-map.md): encrypted with the
 * service's {@link PersonalDataCipher}, single values (a complainant's phone) or inside the JSON it keeps (a case's
 * applicant, a case file's form, a certificate's holder and content: the values {@link PersonalDataInJson} names, as
 * intake stores its applications). Reading accepts both forms, so rows written before encryption (and the ones a guard
 * keeps as they are) read as before.
 */
@Component
public class StoredPersonalData {

    private static final Logger log = LoggerFactory.getLogger(StoredPersonalData.class);

    /** Rows stored before encryption (V16), as {@link PlaintextRows.Column}, and what they are for the log. */
    public record Plaintext(String what, PlaintextRows.Column rows) {}

    private final PersonalDataCipher cipher;
    private final JsonMapper json;

    StoredPersonalData(PersonalDataCipher cipher, JsonMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    /**
     * Encrypts rows stored before encryption ({@link PlaintextRows}), JSON or single values; the services call it at
     * every start.
     *
     * @return how many rows were encrypted
     */
    public int encryptStoredBefore(JdbcClient jdbc, Plaintext stored) {
        int encrypted =
                PlaintextRows.encrypt(jdbc, stored.rows(), stored.rows().jsonb() ? this::encryptJson : this::encrypt);
        if (encrypted > 0) {
            log.info("Encrypted the ID and phone numbers of {} {} stored before encryption", encrypted, stored.what());
        }
        return encrypted;
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
        PersonalDataInJson.encrypt(tree, cipher);
        return json.writeValueAsString(tree);
    }

    /** Stored JSON with its personal values encrypted (those encrypted already stay as they are). */
    public String encryptJson(String stored) {
        JsonNode tree = json.readTree(stored);
        PersonalDataInJson.encrypt(tree, cipher);
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
        PersonalDataInJson.decrypt(tree, cipher);
        return tree;
    }
}
