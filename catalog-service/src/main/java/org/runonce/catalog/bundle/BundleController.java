package org.runonce.catalog.bundle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.runonce.catalog.web.Http;
import org.runonce.catalog.web.Representation;
import org.runonce.contracts.catalog.Name;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

/** Bundles ("one thing", 一件事): public reads, catalog-admin definitions. */
@RestController
@RequestMapping(path = "/api/catalog/bundles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Bundles", description = "一件事: items of several departments as one matter")
class BundleController {

    private final BundleService service;
    private final JsonMapper json;

    BundleController(BundleService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    /**
     * A bundle in the list.
     *
     * @param code the bundle
     * @param version its definition's version
     * @param name its name
     * @param description for applicants
     * @param items its item codes in a topological order
     * @param publishedAt when this definition was published
     */
    record BundleSummary(
            String code, int version, Name name, String description, List<String> items, Instant publishedAt) {

        static BundleSummary of(Bundle b) {
            return new BundleSummary(
                    b.code(), b.version(), b.name(), b.description(), b.topologicalOrder(), b.publishedAt());
        }
    }

    /**
     * A bundle's definition.
     *
     * @param name names in Chinese and English
     * @param description for applicants
     * @param items the items and which of them each depends on
     */
    record DefineBundle(Name name, String description, List<BundleItem> items) {}

    @GetMapping
    @Operation(summary = "All bundles", description = "No token needed.")
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = BundleSummary.class))))
    ResponseEntity<byte[]> all(WebRequest request) {
        var body = service.all().stream().map(BundleSummary::of).toList();
        return Http.ok(request, Representation.of(body, json), Http.SHORT);
    }

    @GetMapping("/{code}")
    @Operation(
            summary = "A bundle with its plan",
            description = "Items with their guides in force (today or `on`), the merged material list (each material"
                    + " once; those an earlier item's certificate provides are marked `satisfiedInBundleBy`), and"
                    + " the promised working days along the critical path. No token needed.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BundleView.class)))
    ResponseEntity<byte[]> one(
            @io.swagger.v3.oas.annotations.Parameter(example = "company-startup") @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            WebRequest request) {
        BundleView view = service.view(code, on == null ? service.today() : on);
        return Http.ok(request, Representation.of(view, json), Http.SHORT);
    }

    @GetMapping("/{code}/form")
    @Operation(
            summary = "The one application form of a bundle",
            description = "A JSON Schema (2020-12) for the `form` of an application for the bundle: the union of its"
                    + " items' forms in force (today or `on`). A field several items ask for is asked once and must"
                    + " satisfy every item's definition (`allOf`); it is required when any item requires it;"
                    + " `x-asked-by` names the items that ask for it; `x-applicant-types` is the intersection;"
                    + " `x-item-versions` the item versions it was built from. No token needed.")
    @ApiResponse(responseCode = "200", description = "the form's JSON Schema")
    @ApiResponse(responseCode = "404", description = "no such bundle")
    ResponseEntity<byte[]> form(
            @io.swagger.v3.oas.annotations.Parameter(example = "company-startup") @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            WebRequest request) {
        var form = service.form(code, on == null ? service.today() : on);
        return Http.ok(request, Representation.of(form, json), Http.SHORT);
    }

    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('catalog-admin')")
    @Operation(
            summary = "Define or redefine a bundle and publish it (catalog-admin)",
            description = "Redefining needs If-Match with the ETag of `GET /bundles/{code}` (412 / 428). A dependency"
                    + " cycle is refused with 422 `bundle-cycle` naming it.")
    @ApiResponse(responseCode = "200", description = "Defined and published: the bundle, with its ETag")
    @ApiResponse(
            responseCode = "422",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
                            {"type": "https://runonce.org/problems/bundle-cycle", "title": "Bundle dependencies form \
                            a cycle", "status": 422, "detail": "bundle company-startup has a dependency cycle: \
                            psb-seal-engraving -> tax-new-taxpayer-setup -> psb-seal-engraving",
                             "cycle": ["psb-seal-engraving", "tax-new-taxpayer-setup", "psb-seal-engraving"]}""")))
    ResponseEntity<byte[]> define(
            @PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = """
                                    {"name": {"zh": "开办企业", "en": "Company start-up"},
                                     "description": "一次提交，营业执照、印章、税务、社保、医保一并办理",
                                     "items": [
                                       {"itemCode": "samr-company-registration", "dependsOn": []},
                                       {"itemCode": "psb-seal-engraving", "dependsOn": ["samr-company-registration"]}
                                     ]}""")))
                    @RequestBody
                    DefineBundle body) {
        LocalDate today = service.today();
        service.define(code, body.name(), body.description(), body.items(), current -> {
            if (current.isPresent()) {
                Http.requireMatch(ifMatch, Representation.of(service.view(code, today), json));
            } else {
                Http.requireNoMatch(ifMatch, "bundle " + code + " does not exist");
            }
        });
        return Http.written(Representation.of(service.view(code, today), json));
    }
}
