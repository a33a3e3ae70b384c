package org.runonce.catalog.crossregion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.runonce.catalog.web.Http;
import org.runonce.catalog.web.Representation;
import org.runonce.starter.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

/** Cross-region lists (通办清单): public reads, catalog-admin publication. */
@RestController
@RequestMapping(path = "/api/catalog/cross-region-lists", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cross-region lists", description = "通办清单: which items a region accepts for departments of others")
class CrossRegionController {

    private final CrossRegionService service;
    private final JsonMapper json;

    CrossRegionController(CrossRegionService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    /**
     * One accepted item.
     *
     * @param itemCode the item, with a published guide
     * @param homeRegions the regions whose departments handle it that the accepting region accepts for
     */
    @Schema(name = "CrossRegionEntry")
    record Entry(
            @Schema(example = "nb-unemployment-registration", requiredMode = Schema.RequiredMode.REQUIRED)
            String itemCode,

            @ArraySchema(schema = @Schema(example = "330200"), minItems = 1)
            List<String> homeRegions) {}

    /**
     * A region's list as the API shows it.
     *
     * @param acceptingRegion the region whose service points accept these items for others
     * @param revision increases with every change
     * @param entries sorted by item code
     * @param changedBy the administrator who published this revision
     * @param publishedAt when
     */
    record CrossRegionListView(
            @Schema(example = "330100") String acceptingRegion,
            @Schema(example = "1") int revision,
            List<Entry> entries,
            @Schema(example = "catalog.admin") String changedBy,
            Instant publishedAt) {

        static CrossRegionListView of(CrossRegionList list) {
            return new CrossRegionListView(
                    list.acceptingRegion(),
                    list.revision(),
                    list.entries().stream()
                            .map(e -> new Entry(e.itemCode(), e.homeRegions()))
                            .toList(),
                    list.changedBy(),
                    list.publishedAt());
        }
    }

    /**
     * The whole new list of an accepting region, replacing the current one.
     *
     * @param entries the items it accepts for others, each with its home regions; empty to accept nothing
     */
    record PublishCrossRegionList(
            @ArraySchema(
                    schema = @Schema(implementation = Entry.class),
                    arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
            List<Entry> entries) {}

    @GetMapping
    @Operation(summary = "Every region's cross-region list", description = "No token needed.")
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = CrossRegionListView.class))))
    ResponseEntity<byte[]> all(WebRequest request) {
        var body = service.all().stream().map(CrossRegionListView::of).toList();
        return Http.ok(request, Representation.of(body, json), Http.SHORT);
    }

    @GetMapping("/{region}")
    @Operation(
            summary = "The items a region accepts for others (通办清单)",
            description = "404 when the region has no list (it accepts only its own departments' items). No token"
                    + " needed.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CrossRegionListView.class)))
    ResponseEntity<byte[]> one(
            @Parameter(description = "six or nine digits, e.g. 330100") @PathVariable String region,
            WebRequest request) {
        return Http.ok(request, representation(service.of(region)), Http.SHORT);
    }

    @PutMapping(path = "/{region}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('catalog-admin')")
    @Operation(
            summary = "Publish the items a region accepts for others (catalog-admin)",
            description = "Replaces the whole list as a new revision and announces it"
                    + " (`cross-region-list.published`); If-Match with the current ETag is required when the region"
                    + " has a list (428 without, 412 when stale). Invalid input is 400 `validation-failed` listing"
                    + " every field (`INVALID_REGION`, `UNKNOWN_ITEM`: no published guide, `NOT_HANDLED_THERE`: no"
                    + " department of that home region handles the item, `SAME_REGION`, `DUPLICATE`, `REQUIRED`),"
                    + " nothing changed. The same entries again publish nothing.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CrossRegionListView.class)))
    @ApiResponse(responseCode = "400", description = "invalid input, nothing changed")
    ResponseEntity<byte[]> publish(
            @Parameter(description = "six or nine digits, e.g. 330100") @PathVariable String region,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = """
                                    {"entries": [{"itemCode": "nb-unemployment-registration", "homeRegions": ["330200"]},
                                     {"itemCode": "js-social-insurance-transfer", "homeRegions": ["320000"]}]}""")))
                    @RequestBody
                    PublishCrossRegionList body,
            Caller caller) {
        CrossRegionList list = service.publish(
                region, body.entries() == null ? null : entries(body.entries()), caller.username(), current -> {
                    if (current.isPresent()) {
                        Http.requireMatch(ifMatch, representation(current.get()));
                    } else {
                        Http.requireNoMatch(ifMatch, "no cross-region list for " + region);
                    }
                });
        return Http.written(representation(list));
    }

    private static List<CrossRegionList.Entry> entries(List<Entry> given) {
        return given.stream()
                .map(e -> e == null ? null : new CrossRegionList.Entry(e.itemCode(), e.homeRegions()))
                .toList();
    }

    private Representation representation(CrossRegionList list) {
        return Representation.of(CrossRegionListView.of(list), json);
    }
}
