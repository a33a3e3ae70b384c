package org.runonce.catalog.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.runonce.catalog.bundle.BundleService;
import org.runonce.catalog.bundle.Bundles;
import org.runonce.catalog.calendar.CalendarService;
import org.runonce.catalog.calendar.Calendars;
import org.runonce.catalog.department.Contact;
import org.runonce.catalog.department.DepartmentService;
import org.runonce.catalog.department.Departments;
import org.runonce.catalog.item.Channel;
import org.runonce.catalog.item.ChannelType;
import org.runonce.catalog.item.GuideContent;
import org.runonce.catalog.item.ItemService;
import org.runonce.catalog.item.Items;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo catalog ({@code demo/catalog.json}) at startup through the same services the admin API uses, so
 * every department, item version, bundle and calendar is announced on Kafka like any other and the other services
 * build their copies from the events. Idempotent: what exists already is left alone; instances starting together
 * take turns on a database advisory lock. Off with {@code runonce.catalog.demo-data.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "runonce.catalog.demo-data.enabled", havingValue = "true", matchIfMissing = true)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final long LOCK = 0x52554e4f4e4345L; // "RUNONCE"

    private final DepartmentService departments;
    private final CalendarService calendars;
    private final ItemService items;
    private final BundleService bundles;
    private final Existing existing;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    /** Where to look whether something is there already (lookups that do not throw inside the transaction). */
    record Existing(Departments departments, Calendars calendars, Items items, Bundles bundles) {}

    DemoDataLoader(
            DepartmentService departments,
            CalendarService calendars,
            ItemService items,
            BundleService bundles,
            Departments existingDepartments,
            Calendars existingCalendars,
            Items existingItems,
            Bundles existingBundles,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            JsonMapper json) {
        this.departments = departments;
        this.calendars = calendars;
        this.items = items;
        this.bundles = bundles;
        this.existing = new Existing(existingDepartments, existingCalendars, existingItems, existingBundles);
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        DemoCatalog catalog;
        try (InputStream in = new ClassPathResource("demo/catalog.json").getInputStream()) {
            catalog = json.readValue(in, DemoCatalog.class);
        }
        List<String> loaded = transactions.execute(status -> load(catalog));
        if (loaded.isEmpty()) {
            log.info("Demo catalog already present");
        } else {
            log.info("Demo catalog loaded: {}", loaded);
        }
    }

    private List<String> load(DemoCatalog catalog) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(?)) locked")
                .param(LOCK)
                .query(Integer.class)
                .single();
        List<String> loaded = new ArrayList<>();
        Map<String, Contact> contacts = new HashMap<>();
        for (DemoCatalog.Department d : catalog.departments()) {
            contacts.put(d.code(), d.contact());
            if (!existing.departments().exists(d.code())) {
                departments.register(d.code(), d.name(), d.regionCode(), d.contact());
                loaded.add("department " + d.code());
            }
        }
        for (DemoCatalog.Calendar c : catalog.calendars()) {
            if (existing.calendars().find(c.region(), c.year()).isEmpty()) {
                calendars.publish(c.region(), c.year(), c.festivals(), c.demo(), current -> {});
                loaded.add("calendar " + c.region() + "/" + c.year());
            }
        }
        for (DemoCatalog.Item i : catalog.items()) {
            if (!existing.items().exists(i.code())) {
                GuideContent content =
                        withDefaults(i.content(), contacts.get(i.content().departmentCode()), catalog);
                items.create(i.code(), content);
                items.publish(i.code(), 1, i.validFrom(), null, current -> {});
                loaded.add("item " + i.code());
            }
        }
        for (DemoCatalog.Bundle b : catalog.bundles()) {
            if (existing.bundles().find(b.code()).isEmpty()) {
                bundles.define(b.code(), b.name(), b.description(), b.items(), current -> {});
                loaded.add("bundle " + b.code());
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
                complaints);
    }
}
