package org.runonce.catalog.entry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.runonce.catalog.web.Http;
import org.runonce.catalog.web.Representation;
import org.runonce.starter.domain.Refusal;
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

/** Whether an item is handled in the service hall (进驻): public read, catalog-admin writes, audited history. */
@RestController
@RequestMapping(path = "/api/catalog/items/{code}/hall-entry", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Hall entry", description = "进驻: which items are handled in the service hall; the entry rate's basis")
class HallEntryController {

    private final HallEntryService service;
    private final JsonMapper json;

    HallEntryController(HallEntryService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    /**
     * Whether an item is handled in the hall, as the latest recorded change says.
     *
     * @param itemCode the item
     * @param entered handled in the service hall (进驻) from {@code since}
     * @param since the first day it holds
     * @param reason why it is not handled in the hall, or a note
     * @param revision increases with every change
     * @param changedAt when the latest change was recorded
     */
    record HallEntryView(
            @Schema(example = "psb-residence-permit") String itemCode,
            @Schema(example = "false") boolean entered,
            @Schema(example = "2026-01-01") LocalDate since,

            @Schema(example = "居住登记需派出所民警实地核查，经县政府同意暂由辖区派出所受理")
            String reason,

            @Schema(example = "1") int revision,
            Instant changedAt) {

        static HallEntryView of(HallEntryChange c) {
            return new HallEntryView(c.itemCode(), c.entered(), c.since(), c.reason(), c.revision(), c.changedAt());
        }
    }

    /**
     * One recorded change, with who recorded it: the audit trail.
     *
     * @param revision 1, 2, ...
     * @param entered handled in the hall from {@code since}
     * @param since the first day it holds
     * @param reason why not, or a note
     * @param changedBy the catalog administrator's username
     * @param changedAt when it was recorded
     */
    record HallEntryRecord(
            int revision,
            boolean entered,
            LocalDate since,
            String reason,
            @Schema(example = "catalog.admin") String changedBy,
            Instant changedAt) {

        static HallEntryRecord of(HallEntryChange c) {
            return new HallEntryRecord(c.revision(), c.entered(), c.since(), c.reason(), c.changedBy(), c.changedAt());
        }
    }

    /**
     * A change of whether the item is handled in the hall.
     *
     * @param entered handled in the service hall from {@code since}
     * @param since the first day it holds: not in the future, not before the latest change's day; default today
     * @param reason required when not entered (the legal exemption or the approval to stay out), else an optional
     *     note
     */
    record ChangeHallEntryRequest(
            @Schema(example = "false", requiredMode = Schema.RequiredMode.REQUIRED) @NotNull
            Boolean entered,

            @Schema(example = "2026-11-17") LocalDate since,

            @Schema(example = "居住登记需派出所民警实地核查，经县政府同意暂由辖区派出所受理") @Size(max = HallEntry.REASON_MAX)
            String reason) {}

    @GetMapping
    @Operation(
            summary = "Whether an item is handled in the service hall",
            description = "The latest recorded change: `entered` from `since`, with the reason when it is not."
                    + " 404 `no-hall-entry` when nothing was recorded for the item (it counts as not entered in the"
                    + " entry rate). No token needed.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HallEntryView.class)))
    @ApiResponse(responseCode = "404", description = "no such item, or nothing recorded for it")
    ResponseEntity<byte[]> current(
            @Parameter(example = "psb-residence-permit") @PathVariable String code, WebRequest request) {
        HallEntryChange current = service.current(code).orElseThrow(() -> nothingRecorded(code));
        return Http.ok(request, representation(current), Http.SHORT);
    }

    @GetMapping("/history")
    @PreAuthorize("hasAnyRole('catalog-admin', 'supervisor')")
    @Operation(
            summary = "Every recorded change of an item's hall entry (catalog-admin, supervisor)",
            description = "Oldest first, each with the administrator who recorded it and when: the audit trail."
                    + " Nothing in it is ever changed or deleted.")
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = HallEntryRecord.class))))
    ResponseEntity<byte[]> history(
            @Parameter(example = "psb-residence-permit") @PathVariable String code, WebRequest request) {
        List<HallEntryRecord> history =
                service.history(code).stream().map(HallEntryRecord::of).toList();
        return Http.ok(request, Representation.of(history, json), Http.PRIVATE);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('catalog-admin')")
    @Operation(
            summary = "Record whether an item is handled in the service hall (catalog-admin)",
            description = "Conditional once something is recorded: If-Match must name the current ETag (428"
                    + " without, 412 when stale); the first record is made without If-Match (201). Invalid input"
                    + " is 400 `validation-failed` with every field (`entered` missing, `reason` missing for an item"
                    + " not entered or too long, `since` in the future or before the latest change), nothing"
                    + " recorded. Sending the current state again records nothing. Each change is recorded with the"
                    + " caller's username and time.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HallEntryView.class)))
    @ApiResponse(responseCode = "201", description = "the item's first record")
    @ApiResponse(responseCode = "400", description = "invalid input, nothing recorded")
    ResponseEntity<byte[]> change(
            @Parameter(example = "psb-residence-permit") @PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = """
                                    {"entered": false, "since": "2026-11-17", "reason": "居住登记需派出所民警实地核查，\
                                    经县政府同意暂由辖区派出所受理"}""")))
                    @Valid
                    @RequestBody
                    ChangeHallEntryRequest body,
            Caller caller) {
        var outcome = service.change(code, body.entered(), body.since(), body.reason(), caller.username(), current -> {
            if (current.isPresent()) {
                Http.requireMatch(ifMatch, representation(current.get()));
            } else {
                Http.requireNoMatch(ifMatch, "nothing is recorded for item " + code + " yet");
            }
        });
        if (outcome.first()) {
            return Http.created(
                    URI.create("/api/catalog/items/" + code + "/hall-entry"), representation(outcome.current()));
        }
        return Http.written(representation(outcome.current()));
    }

    private static Refusal nothingRecorded(String code) {
        return new Refusal(
                404,
                "no-hall-entry",
                "No hall entry recorded",
                "nothing is recorded for item " + code + " about the service hall; it counts as not entered");
    }

    private Representation representation(HallEntryChange change) {
        return Representation.of(HallEntryView.of(change), json);
    }
}
