package org.runonce.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.contracts.catalog.BundlePublished;
import org.runonce.contracts.catalog.CalendarPublished;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.intake.catalog.BundleGuide;
import org.runonce.intake.catalog.ItemGuide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog's demo data as intake receives it: {@code catalog/demo-catalog-events.json} holds the data of the
 * catalog events for the demo bundles' items (plus two single items), the departments and the 330000 calendars,
 * copied from catalog-service's demo catalog. Unit tests read it directly; ITs publish it to Kafka.
 */
public final class DemoCatalog {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** One catalog event: its CloudEvents type, subject, department extension and data. */
    public record Event(String type, String subject, String department, JsonNode data) {}

    private static final List<Event> EVENTS = load();

    private DemoCatalog() {}

    public static List<Event> events() {
        return EVENTS;
    }

    public static ItemGuide item(String code) {
        return EVENTS.stream()
                .filter(e -> e.type().equals(ItemVersionPublished.TYPE)
                        && e.subject().equals(code))
                .map(e -> new ItemGuide(JSON.treeToValue(e.data(), ItemVersionPublished.class), null))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo item " + code));
    }

    public static BundleGuide bundle(String code) {
        BundlePublished b = EVENTS.stream()
                .filter(e ->
                        e.type().equals(BundlePublished.TYPE) && e.subject().equals(code))
                .map(e -> JSON.treeToValue(e.data(), BundlePublished.class))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo bundle " + code));
        return new BundleGuide(b.bundleCode(), b.version(), b.name(), b.items());
    }

    /** The bundle's items' guides in bundle order. */
    public static List<ItemGuide> itemsOf(String bundleCode) {
        return bundle(bundleCode).itemCodes().stream().map(DemoCatalog::item).toList();
    }

    public static WorkingDayCalendar calendar() {
        Set<Integer> years = new HashSet<>();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeUp = new HashSet<>();
        EVENTS.stream().filter(e -> e.type().equals(CalendarPublished.TYPE)).forEach(e -> {
            CalendarPublished c = JSON.treeToValue(e.data(), CalendarPublished.class);
            if (!c.region().equals("330000")) {
                return; // the other regions' calendars (cross-region handling) are their own
            }
            years.add(c.year());
            holidays.addAll(c.holidays());
            makeUp.addAll(c.makeUpWorkingDays());
        });
        return new WorkingDayCalendar("330000", years, holidays, makeUp);
    }

    /** Item code -> certificate type its decision issues. */
    public static Map<String, String> certificateTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        EVENTS.stream().filter(e -> e.type().equals(ItemVersionPublished.TYPE)).forEach(e -> {
            ItemVersionPublished item = JSON.treeToValue(e.data(), ItemVersionPublished.class);
            if (item.result() != null && item.result().certificateType() != null) {
                types.put(item.itemCode(), item.result().certificateType());
            }
        });
        return types;
    }

    private static List<Event> load() {
        try (InputStream in = DemoCatalog.class.getResourceAsStream("/catalog/demo-catalog-events.json")) {
            JsonNode root = JSON.readTree(in);
            List<Event> events = new ArrayList<>();
            for (JsonNode e : root.get("events")) {
                events.add(new Event(
                        e.get("type").asString(),
                        e.get("subject").asString(),
                        e.get("department").isNull()
                                ? null
                                : e.get("department").asString(),
                        e.get("data")));
            }
            return List.copyOf(events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
