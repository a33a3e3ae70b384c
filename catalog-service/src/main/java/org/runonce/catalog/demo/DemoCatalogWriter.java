package org.runonce.catalog.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.runonce.catalog.bundle.BundleService;
import org.runonce.catalog.calendar.CalendarService;
import org.runonce.catalog.crossregion.CrossRegionService;
import org.runonce.catalog.department.Contact;
import org.runonce.catalog.department.DepartmentService;
import org.runonce.catalog.entry.HallEntryService;
import org.runonce.catalog.item.Channel;
import org.runonce.catalog.item.ChannelType;
import org.runonce.catalog.item.GuideContent;
import org.runonce.catalog.item.ItemService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what the demo catalog has and the database has not, through the same services the admin API uses, in one
 * transaction that instances starting together take turns on (a database advisory lock).
 */
@Component
class DemoCatalogWriter {

    private static final long LOCK = 0x52554e4f4e4345L; // "RUNONCE"

    /** Who recorded what the demo catalog loads, where an administrator's username goes otherwise. */
    static final String DEMO_DATA = "demo-data";

    private final DepartmentService departments;
    private final CalendarService calendars;
    private final ItemService items;
    private final BundleService bundles;
    private final HallEntryService hallEntries;
    private final CrossRegionService crossRegion;
    private final JdbcClient jdbc;

    DemoCatalogWriter(
            DepartmentService departments,
            CalendarService calendars,
            ItemService items,
            BundleService bundles,
            HallEntryService hallEntries,
            CrossRegionService crossRegion,
            JdbcClient jdbc) {
        this.departments = departments;
        this.calendars = calendars;
        this.items = items;
        this.bundles = bundles;
        this.hallEntries = hallEntries;
        this.crossRegion = crossRegion;
        this.jdbc = jdbc;
    }

    /** Writes the entries that do not exist yet; returns what it wrote, e.g. {@code item samr-company-registration}. */
    @Transactional
    public List<String> writeMissing(DemoCatalog catalog) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(?)) locked")
                .param(LOCK)
                .query(Integer.class)
                .single();
        List<String> loaded = new ArrayList<>();
        Map<String, Contact> contacts = new HashMap<>();
        for (DemoCatalog.Department d : catalog.departments()) {
            contacts.put(d.code(), d.contact());
            if (!departments.exists(d.code())) {
                departments.register(d.code(), d.name(), d.regionCode(), d.contact());
                loaded.add("department " + d.code());
            }
        }
        for (DemoCatalog.Calendar c : catalog.calendars()) {
            if (!calendars.exists(c.region(), c.year())) {
                calendars.publish(c.region(), c.year(), c.festivals(), c.demo(), current -> {});
                loaded.add("calendar " + c.region() + "/" + c.year());
            }
        }
        for (DemoCatalog.Item i : catalog.items()) {
            if (!items.exists(i.code())) {
                GuideContent content =
                        withDefaults(i.content(), contacts.get(i.content().departmentCode()), catalog);
                items.create(i.code(), content);
                items.publish(i.code(), 1, i.validFrom(), null, current -> {});
                loaded.add("item " + i.code());
            }
            // also for an item loaded before hall entry was recorded: it gets its first record now
            if (i.hallEntry() != null
                    && hallEntries.recordIfAbsent(
                            i.code(),
                            i.hallEntry().entered(),
                            i.validFrom(),
                            i.hallEntry().reason(),
                            DEMO_DATA)) {
                loaded.add("hall entry " + i.code());
            }
        }
        for (DemoCatalog.Bundle b : catalog.bundles()) {
            if (!bundles.exists(b.code())) {
                bundles.define(b.code(), b.name(), b.description(), b.items(), current -> {});
                loaded.add("bundle " + b.code());
            }
        }
        if (catalog.crossRegionLists() != null) {
            for (DemoCatalog.CrossRegionList l : catalog.crossRegionLists()) {
                if (!crossRegion.exists(l.acceptingRegion())) {
                    crossRegion.publish(l.acceptingRegion(), l.entries(), DEMO_DATA, current -> {});
                    loaded.add("cross-region list " + l.acceptingRegion());
                }
            }
        }
        return loaded;
    }

    /** Items without channels of their own: consult the department, complain through the default channels. */
    private static GuideContent withDefaults(GuideContent c, Contact contact, DemoCatalog catalog) {
        List<Channel> consultation = c.consultationChannels();
        if (consultation.isEmpty() && contact != null) {
            consultation = new ArrayList<>();
            if (contact.phone() != null) {
                consultation.add(new Channel(ChannelType.PHONE, contact.phone(), contact.officeHours()));
            }
            if (contact.address() != null) {
                consultation.add(new Channel(ChannelType.WINDOW, contact.address(), contact.officeHours()));
            }
        }
        List<Channel> complaints =
                c.complaintChannels().isEmpty() ? catalog.defaults().complaintChannels() : c.complaintChannels();
        return new GuideContent(
                c.kind(),
                c.departmentCode(),
                c.name(),
                c.legalBasis(),
                c.acceptanceConditions(),
                c.steps(),
                c.materials(),
                c.fees(),
                c.timeLimits(),
                c.handlingMode(),
                c.visitsRequired(),
                c.result(),
                c.deliveryOptions(),
                consultation,
                complaints,
                c.form(),
                c.commitment());
    }
}
