package org.runonce.catalog.snapshot;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.runonce.catalog.bundle.BundleService;
import org.runonce.catalog.calendar.CalendarService;
import org.runonce.catalog.crossregion.CrossRegionService;
import org.runonce.catalog.department.DepartmentService;
import org.runonce.catalog.item.ItemService;
import org.runonce.catalog.web.Http;
import org.runonce.catalog.web.Representation;
import org.runonce.contracts.catalog.BundlePublished;
import org.runonce.contracts.catalog.CalendarPublished;
import org.runonce.contracts.catalog.CrossRegionListPublished;
import org.runonce.contracts.catalog.DepartmentChanged;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.starter.domain.Time;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

/** Everything a new consumer with an empty copy needs, in the shapes of the catalog's events. */
@RestController
@RequestMapping(path = "/api/catalog/snapshot", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Snapshot", description = "Catch-up for services keeping a copy of the catalog")
class SnapshotController {

    private final DepartmentService departments;
    private final ItemService items;
    private final BundleService bundles;
    private final CalendarService calendars;
    private final CrossRegionService crossRegion;
    private final Time time;
    private final JsonMapper json;

    SnapshotController(
            DepartmentService departments,
            ItemService items,
            BundleService bundles,
            CalendarService calendars,
            CrossRegionService crossRegion,
            Time time,
            JsonMapper json) {
        this.departments = departments;
        this.items = items;
        this.bundles = bundles;
        this.calendars = calendars;
        this.crossRegion = crossRegion;
        this.time = time;
        this.json = json;
    }

    /**
     * The catalog's current state, each entry the {@code data} of the event that would have produced it. Apply it,
     * then consume {@code runonce.catalog.v1} from the beginning (or from before {@code generatedAt}); events are
     * full-state and versioned, so applying one twice or an older one after a newer one changes nothing.
     *
     * @param generatedAt when the snapshot was taken
     * @param departments every department ({@code department.changed.v1})
     * @param itemVersions every published version in force or scheduled ({@code item-version.published.v1}),
     *     retired ones with their shortened validity
     * @param bundles every bundle ({@code bundle.published.v1})
     * @param calendars every region and year ({@code calendar.published.v1})
     * @param crossRegionLists every accepting region's list ({@code cross-region-list.published.v1})
     */
    record Snapshot(
            Instant generatedAt,
            List<DepartmentChanged> departments,
            List<ItemVersionPublished> itemVersions,
            List<BundlePublished> bundles,
            List<CalendarPublished> calendars,
            List<CrossRegionListPublished> crossRegionLists) {}

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(
            summary = "Snapshot of the published catalog",
            description =
                    "Departments, every published item version in force today or later, bundles, calendars and cross-region lists,"
                            + " in the same shapes as the events on runonce.catalog.v1. No token needed.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Snapshot.class)))
    ResponseEntity<byte[]> snapshot(WebRequest request) {
        Snapshot snapshot = new Snapshot(
                time.now(),
                departments.snapshot(),
                items.snapshot(),
                bundles.snapshot(),
                calendars.snapshot(),
                crossRegion.snapshot());
        return Http.ok(request, Representation.of(snapshot, json), Http.PRIVATE);
    }
}
