package org.runonce.catalog.demo;

import java.time.LocalDate;
import java.util.List;
import org.runonce.catalog.bundle.BundleItem;
import org.runonce.catalog.calendar.Festival;
import org.runonce.catalog.department.Contact;
import org.runonce.catalog.item.Channel;
import org.runonce.catalog.item.GuideContent;
import org.runonce.contracts.catalog.Name;

/** The shape of {@code demo/catalog.json}. */
record DemoCatalog(
        String comment,
        Defaults defaults,
        List<Department> departments,
        List<Calendar> calendars,
        List<Item> items,
        List<Bundle> bundles,
        List<CrossRegionList> crossRegionLists) {

    record Defaults(List<Channel> complaintChannels) {}

    record Department(String code, Name name, String regionCode, Contact contact) {}

    record Calendar(String region, int year, boolean demo, List<Festival> festivals) {}

    /**
     * @param hallEntry whether it is handled in the service hall from {@code validFrom}; null records nothing
     */
    record Item(String code, LocalDate validFrom, HallEntry hallEntry, GuideContent content) {}

    /** Whether an item is handled in the service hall (进驻), and if not why. */
    record HallEntry(boolean entered, String reason) {}

    record Bundle(String code, Name name, String description, List<BundleItem> items) {}

    /** The items a region accepts for others (通办清单); absent in an older file. */
    record CrossRegionList(
            String acceptingRegion, List<org.runonce.catalog.crossregion.CrossRegionList.Entry> entries) {}
}
