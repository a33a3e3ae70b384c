package org.runonce.catalog.department;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.runonce.catalog.Bilingual;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Refusal;

/** A department (部门) that owns items, e.g. 市场监督管理局 (SAMR). */
final class Department {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    private static final Pattern REGION = Pattern.compile("\\d{6}");

    private final String code;
    private Name name;
    private String regionCode;
    private Contact contact;
    private int revision;
    private Instant updatedAt;

    private Department(String code, Name name, String regionCode, Contact contact, int revision, Instant updatedAt) {
        this.code = code;
        this.name = name;
        this.regionCode = regionCode;
        this.contact = contact;
        this.revision = revision;
        this.updatedAt = updatedAt;
    }

    /** A department newly known to the catalog. */
    public static Department register(String code, Name name, String regionCode, Contact contact, Instant now) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw Refusal.invalid("department code must be 2-32 upper-case letters, digits or '_', got " + code);
        }
        Department department = new Department(code, null, null, null, 0, now);
        department.apply(name, regionCode, contact);
        department.revision = 1;
        return department;
    }

    static Department restore(
            String code, Name name, String regionCode, Contact contact, int revision, Instant updatedAt) {
        return new Department(code, name, regionCode, contact, revision, updatedAt);
    }

    /**
     * Changes names, region or contact.
     *
     * @return whether anything changed (nothing to announce otherwise)
     */
    public boolean change(Name newName, String newRegionCode, Contact newContact, Instant now) {
        if (Objects.equals(name, Bilingual.cleaned(newName))
                && Objects.equals(regionCode, newRegionCode)
                && Objects.equals(contact, newContact)) {
            return false;
        }
        apply(newName, newRegionCode, newContact);
        revision++;
        updatedAt = now;
        return true;
    }

    private void apply(Name newName, String newRegionCode, Contact newContact) {
        if (!Bilingual.complete(newName)) {
            throw Refusal.invalid("a department needs a name in Chinese and English");
        }
        if (newRegionCode == null || !REGION.matcher(newRegionCode).matches()) {
            throw Refusal.invalid("region code must be six digits (e.g. 330000), got " + newRegionCode);
        }
        this.name = Bilingual.cleaned(newName);
        this.regionCode = newRegionCode;
        this.contact = newContact == null ? new Contact(null, null, null, null) : newContact;
    }

    public String code() {
        return code;
    }

    public Name name() {
        return name;
    }

    public String regionCode() {
        return regionCode;
    }

    public Contact contact() {
        return contact;
    }

    /** Incremented on every change; events carry it so copies can ignore stale ones. */
    public int revision() {
        return revision;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
