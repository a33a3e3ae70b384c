package org.runonce.approval;

import java.util.List;
import org.runonce.starter.personaldata.PersonalDataCipher;
import org.runonce.starter.personaldata.PersonalDataInJson;
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
    private static final int BATCH = 200;

    /**
     * Rows stored before encryption (V16): {@code where} (SQL) selects them in {@code table}; {@code column} is text,
     * or jsonb whose personal values are encrypted; {@code alsoSet} (SQL or null) marks a row done. All are the
     * caller's constants, never input.
     */
    public record Plaintext(
            String what, String table, String key, String column, boolean jsonb, String where, String alsoSet) {}

    private final PersonalDataCipher cipher;
    private final JsonMapper json;

    StoredPersonalData(PersonalDataCipher cipher, JsonMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    /**
     * Encrypts rows stored before encryption, {@value #BATCH} at a time in key order, each compared-and-set on its old
     * value and {@code where} again, so that a concurrent change is never overwritten (that row is taken at the next
     * start). Services call it at every start: a Flyway migration cannot encrypt, the key is not in the database.
     *
     * @return how many rows were encrypted
     */
    public int encryptStoredBefore(JdbcClient jdbc, Plaintext rows) {
        String value = rows.jsonb() ? "cast(? as jsonb)" : "?";
        String select = "select " + rows.key() + ", " + rows.column() + "::text from " + rows.table() + " where ("
                + rows.where() + ") and " + rows.key() + " > ? order by " + rows.key() + " limit " + BATCH;
        String update = "update " + rows.table() + " set " + rows.column() + " = " + value
                + (rows.alsoSet() == null ? "" : ", " + rows.alsoSet()) + " where " + rows.key() + " = ? and "
                + rows.column() + " = " + value + " and (" + rows.where() + ")";
        int encrypted = 0;
        String after = "";
        while (true) {
            List<String[]> batch = jdbc.sql(select)
                    .param(after)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .list();
            for (String[] row : batch) {
                String stored = rows.jsonb() ? encryptJson(row[1]) : encrypt(row[1]);
                encrypted += jdbc.sql(update).params(stored, row[0], row[1]).update();
            }
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.getLast()[0];
        }
        if (encrypted > 0) {
            log.info("Encrypted the ID and phone numbers of {} {} stored before encryption", encrypted, rows.what());
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
