package org.runonce.catalog.item;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.runonce.catalog.web.Http;
import org.runonce.catalog.web.Representation;
import org.runonce.starter.domain.Refusal;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

/** Items and their service guides: public reads, catalog-admin writes. */
@RestController
@RequestMapping(path = "/api/catalog/items", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Items", description = "事项 and their versioned service guides (办事指南)")
class ItemController {

    static final String ADMIN = "hasRole('catalog-admin')";

    private final ItemService service;
    private final GuideCache cache;
    private final JsonMapper json;

    ItemController(ItemService service, GuideCache cache, JsonMapper json) {
        this.service = service;
        this.cache = cache;
        this.json = json;
    }

    /**
     * One page of search results.
     *
     * @param items summaries of the matching items' versions in force
     * @param page zero-based page number
     * @param size page size
     * @param total matching items on all pages
     */
    record ItemPage(List<ItemSummary> items, int page, int size, long total) {}

    /**
     * The text filters of a search; each optional.
     *
     * @param q part of the Chinese or English name or of the code, case-insensitive
     * @param department department code
     * @param bundle bundle code: its items only
     */
    record Filter(
            @Parameter(example = "营业执照") String q,
            @Parameter(example = "SAMR") String department,
            @Parameter(example = "company-startup") String bundle) {}

    @GetMapping
    @Operation(
            summary = "Search items with a guide in force",
            description = "Keyword in the Chinese or English name or the code; filters combine. No token needed.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ItemPage.class)))
    ResponseEntity<byte[]> search(
            @ParameterObject Filter filter,
            @RequestParam(required = false) HandlingMode handlingMode,
            @Parameter(description = "in force on this day; default today")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate on,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            WebRequest request) {
        if (page < 0 || size < 1 || size > 100) {
            throw Refusal.invalid("page must be >= 0 and size between 1 and 100");
        }
        var criteria = new Items.Criteria(
                filter.q(), filter.department(), handlingMode, filter.bundle(), on == null ? service.today() : on);
        Items.SearchPage result = service.search(criteria, page, size);
        ItemPage body =
                new ItemPage(result.versions().stream().map(ItemSummary::of).toList(), page, size, result.total());
        return Http.ok(request, representation(body), Http.SHORT);
    }

    @GetMapping("/{code}")
    @Operation(
            summary = "The service guide in force",
            description = "Today's guide by default, or the one in force `on` a day, or a given published `version`."
                    + " Served from memory with a strong ETag; send If-None-Match to get 304.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = GuideView.class)))
    @ApiResponse(responseCode = "304", description = "not modified")
    @ApiResponse(responseCode = "404", description = "no such item, or no guide in force that day")
    ResponseEntity<byte[]> guide(
            @Parameter(example = "samr-company-registration") @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) Integer version,
            WebRequest request) {
        if (on != null && version != null) {
            throw Refusal.invalid("ask for a day or a version, not both");
        }
        if (version != null) {
            return Http.ok(request, publishedVersion(code, version), Http.VERSIONED);
        }
        LocalDate day = on == null ? service.today() : on;
        Representation guide = cache.get(
                code,
                "on:" + day,
                () -> service.inForce(code, day).map(this::view).orElse(null));
        if (guide == null) {
            throw new Refusal(
                    404,
                    "no-guide-in-force",
                    "No guide in force",
                    "item " + code + " has no published guide in force on " + day);
        }
        return Http.ok(request, guide, Http.SHORT);
    }

    /**
     * One version in a version list.
     *
     * @param version number
     * @param status DRAFT, PUBLISHED or RETIRED
     * @param validFrom first day in force
     * @param validTo last day in force or null
     * @param publishedAt when published
     * @param retiredAt when retired
     * @param updatedAt last change
     */
    record VersionSummary(
            int version,
            VersionStatus status,
            LocalDate validFrom,
            LocalDate validTo,
            Instant publishedAt,
            Instant retiredAt,
            Instant updatedAt) {

        static VersionSummary of(ItemVersion v) {
            return new VersionSummary(
                    v.number(),
                    v.status(),
                    v.validFrom().orElse(null),
                    v.validTo().orElse(null),
                    v.publishedAt().orElse(null),
                    v.retiredAt().orElse(null),
                    v.updatedAt());
        }
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "The versions of an item", description = "Drafts are listed for catalog admins only.")
    ResponseEntity<byte[]> versions(@PathVariable String code, WebRequest request) {
        boolean admin = Http.callerIsAdmin();
        List<VersionSummary> versions = service.item(code).versions().stream()
                .filter(v -> admin || !v.isDraft())
                .map(VersionSummary::of)
                .toList();
        return Http.ok(request, representation(versions), admin ? Http.PRIVATE : Http.SHORT);
    }

    @GetMapping("/{code}/versions/{version}")
    @Operation(
            summary = "One version of a guide",
            description = "Published and retired versions for everyone; drafts for catalog admins only. The ETag of"
                    + " a draft is what If-Match of its updates must name.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = GuideView.class)))
    ResponseEntity<byte[]> version(@PathVariable String code, @PathVariable int version, WebRequest request) {
        if (Http.callerIsAdmin()) {
            ItemVersion v = require(code, version);
            if (v.isDraft()) {
                return Http.ok(request, view(v), Http.PRIVATE);
            }
        }
        return Http.ok(request, publishedVersion(code, version), Http.VERSIONED);
    }

    @GetMapping("/{code}/versions/{version}/form")
    @Operation(
            summary = "The application form of one version",
            description = "A JSON Schema (2020-12) of the `form` an application for this version carries, as"
                    + " published with it and never changed: field types and constraints, `title` and bilingual"
                    + " `x-title`, `x-applicant-types`, `x-enum-titles`, and `x-prefill` (the e-certificate field,"
                    + " earlier application or verified identity a portal can fill a field from). Intake validates an"
                    + " application against the form of the version it was filed under. Published and retired"
                    + " versions for everyone, drafts for catalog admins. No token needed.")
    @ApiResponse(
            responseCode = "200",
            description = "the form's JSON Schema",
            content = @Content(examples = @ExampleObject(value = ItemApiExamples.FORM)))
    @ApiResponse(responseCode = "404", description = "no such item or version")
    ResponseEntity<byte[]> versionForm(
            @Parameter(example = "samr-company-registration") @PathVariable String code,
            @PathVariable int version,
            WebRequest request) {
        if (Http.callerIsAdmin()) {
            ItemVersion v = require(code, version);
            if (v.isDraft()) {
                return Http.ok(request, representation(v.content().form()), Http.PRIVATE);
            }
        }
        // a published version's form never changes: served from memory like its guide
        Representation form = cache.get(code, "form:v:" + version, () -> {
            ItemVersion v = require(code, version);
            if (v.isDraft()) {
                throw Refusal.notFound("version", code + "/" + version);
            }
            return representation(v.content().form());
        });
        return Http.ok(request, form, Http.VERSIONED);
    }

    @GetMapping("/{code}/form")
    @Operation(
            summary = "The application form in force",
            description = "The form of the version in force today (or `on` a day); `Content-Location` names that"
                    + " version's form, which never changes. No token needed.")
    @ApiResponse(responseCode = "200", description = "the form's JSON Schema")
    @ApiResponse(responseCode = "404", description = "no such item, or no guide in force that day")
    ResponseEntity<byte[]> formInForce(
            @Parameter(example = "samr-company-registration") @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            WebRequest request) {
        LocalDate day = on == null ? service.today() : on;
        ItemVersion v = service.inForce(code, day)
                .orElseThrow(() -> new Refusal(
                        404,
                        "no-guide-in-force",
                        "No guide in force",
                        "item " + code + " has no published guide in force on " + day));
        ResponseEntity<byte[]> response =
                Http.ok(request, representation(v.content().form()), Http.SHORT);
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .header(
                        HttpHeaders.CONTENT_LOCATION,
                        "/api/catalog/items/" + code + "/versions/" + v.number() + "/form")
                .body(response.getBody());
    }

    /**
     * A new item.
     *
     * @param code stable item code: lower-case letters, digits and '-'
     * @param content the first draft, possibly incomplete
     */
    record CreateItem(String code, GuideContent content) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(ADMIN)
    @Operation(summary = "Create an item with its first draft (catalog-admin)")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = GuideView.class)))
    ResponseEntity<byte[]> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = ItemApiExamples.CREATE)))
                    @RequestBody
                    CreateItem body) {
        if (body == null || body.content() == null) {
            throw Refusal.invalid("code and content are required");
        }
        return created(service.create(body.code(), body.content()));
    }

    /**
     * Which version a new draft starts from.
     *
     * @param copyOf version to copy; default the latest published
     */
    record StartDraft(@Schema(example = "1") Integer copyOf) {}

    @PostMapping(path = "/{code}/versions")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Start a new draft version, a copy of an existing one (catalog-admin)")
    ResponseEntity<byte[]> startDraft(@PathVariable String code, @RequestBody(required = false) StartDraft body) {
        return created(service.startDraft(code, body == null ? null : body.copyOf()));
    }

    @PutMapping(path = "/{code}/versions/{version}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(ADMIN)
    @Operation(
            summary = "Replace a draft's content (catalog-admin)",
            description = "Conditional: If-Match must name the draft's current ETag (412 otherwise, 428 without it)."
                    + " Published versions are immutable (409).")
    ResponseEntity<byte[]> revise(
            @PathVariable String code,
            @PathVariable int version,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = ItemApiExamples.GUIDE)))
                    @RequestBody
                    GuideContent content) {
        ItemVersion revised = service.revise(code, version, content, current -> checkMatch(ifMatch, current));
        return Http.written(view(revised), Http.PRIVATE);
    }

    @DeleteMapping("/{code}/versions/{version}")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Discard a draft (catalog-admin, If-Match required)")
    ResponseEntity<Void> discard(
            @PathVariable String code,
            @PathVariable int version,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        service.discard(code, version, current -> checkMatch(ifMatch, current));
        return ResponseEntity.noContent().build();
    }

    /**
     * When a published version is in force.
     *
     * @param validFrom first day in force
     * @param validTo last day in force (inclusive); omit for open-ended
     */
    record Publish(
            @Schema(example = "2026-12-01") LocalDate validFrom,
            @Schema(example = "2027-12-31") LocalDate validTo) {}

    @PostMapping(path = "/{code}/versions/{version}/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(ADMIN)
    @Operation(
            summary = "Publish a draft (catalog-admin, If-Match required)",
            description = "Refused with 422 `publication-refused` listing EVERY missing disclosure (七公开) in"
                    + " `missingDisclosures` and every other problem in `violations`: promised limit not 30% below"
                    + " statutory, validity overlapping another version, unknown department, ...")
    @ApiResponse(responseCode = "200", description = "Published: the version, with its ETag")
    @ApiResponse(
            responseCode = "422",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(value = ItemApiExamples.REFUSED)))
    ResponseEntity<byte[]> publish(
            @PathVariable String code,
            @PathVariable int version,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody Publish body) {
        ItemVersion published = service.publish(
                code, version, body.validFrom(), body.validTo(), current -> checkMatch(ifMatch, current));
        return Http.written(view(published), Http.VERSIONED);
    }

    /**
     * When a retired version stops being in force.
     *
     * @param lastDay last day in force; default yesterday (gone from today)
     */
    record Retire(@Schema(example = "2026-12-31") LocalDate lastDay) {}

    @PostMapping(path = "/{code}/versions/{version}/retire")
    @PreAuthorize(ADMIN)
    @Operation(
            summary = "Retire a published version (catalog-admin)",
            description = "Ends its validity on `lastDay`, never in the past. Retire the version in force before"
                    + " publishing a successor whose validity would overlap it.")
    ResponseEntity<byte[]> retire(
            @PathVariable String code, @PathVariable int version, @RequestBody(required = false) Retire body) {
        ItemVersion retired = service.retire(code, version, body == null ? null : body.lastDay());
        return Http.written(view(retired), Http.VERSIONED);
    }

    private Representation publishedVersion(String code, int version) {
        return cache.get(code, "v:" + version, () -> {
            ItemVersion v = require(code, version);
            if (v.isDraft()) {
                throw Refusal.notFound("version", code + "/" + version);
            }
            return view(v);
        });
    }

    private ItemVersion require(String code, int version) {
        return service.item(code).version(version).orElseThrow(() -> Refusal.notFound("version", code + "/" + version));
    }

    private void checkMatch(String ifMatch, ItemVersion current) {
        Http.requireMatch(ifMatch, view(current));
    }

    private ResponseEntity<byte[]> created(ItemVersion draft) {
        URI location = URI.create("/api/catalog/items/" + draft.itemCode() + "/versions/" + draft.number());
        return Http.created(location, view(draft), Http.PRIVATE);
    }

    /** A version as the API shows it, serialized and tagged. */
    private Representation view(ItemVersion version) {
        return representation(GuideView.of(version));
    }

    private Representation representation(Object body) {
        return Representation.of(body, json);
    }
}
