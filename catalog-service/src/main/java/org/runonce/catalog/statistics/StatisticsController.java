package org.runonce.catalog.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.runonce.catalog.entry.HallEntryService;
import org.runonce.catalog.item.GuideContent;
import org.runonce.catalog.item.ItemService;
import org.runonce.catalog.item.ItemVersion;
import org.runonce.catalog.web.Http;
import org.runonce.catalog.web.Representation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

/** Reform statistics over the guides in force. */
@RestController
@RequestMapping(path = "/api/catalog/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Statistics",
        description = "Reform progress: zero/one-visit share against 50% / 70% / 85%, entry rate (进驻率)")
class StatisticsController {

    private final ItemService items;
    private final HallEntryService hallEntries;
    private final JsonMapper json;

    StatisticsController(ItemService items, HallEntryService hallEntries, JsonMapper json) {
        this.items = items;
        this.hallEntries = hallEntries;
        this.json = json;
    }

    @GetMapping
    @Operation(
            summary = "Reform statistics, overall and per department",
            description = "Over the items with a guide in force (today or `on`): items and share per handling mode,"
                    + " share needing at most one visit (ZERO_VISIT, RUN_ONCE, IMMEDIATE, ONLINE_PRE_REVIEW) against"
                    + " the targets 0.50, 0.70, 0.85, the average cut of promised vs statutory limits, and the entry"
                    + " rate (进驻率): items handled in the service hall that day (`enteredItems`, recorded per item"
                    + " under `/api/catalog/items/{code}/hall-entry`; an item with nothing recorded counts as not"
                    + " entered) over the items. Shares are fractions 0..1. No token needed.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReformStatistics.class)))
    ResponseEntity<byte[]> statistics(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            WebRequest request) {
        LocalDate day = on == null ? items.today() : on;
        Map<String, GuideContent> guides = new LinkedHashMap<>();
        for (ItemVersion version : items.allInForce(day)) {
            guides.put(version.itemCode(), version.content());
        }
        var statistics = ReformStatistics.of(guides, hallEntries.enteredOn(day));
        return Http.ok(request, Representation.of(statistics, json), Http.SHORT);
    }
}
