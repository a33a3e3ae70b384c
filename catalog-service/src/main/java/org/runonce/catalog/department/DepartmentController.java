package org.runonce.catalog.department;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.runonce.catalog.web.Http;
import org.runonce.catalog.web.Representation;
import org.runonce.contracts.catalog.Name;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

/** Departments: public reads, catalog-admin writes. */
@RestController
@RequestMapping(path = "/api/catalog/departments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Departments", description = "部门 owning the items")
class DepartmentController {

    private final DepartmentService service;
    private final JsonMapper json;

    DepartmentController(DepartmentService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    /**
     * A department as the API shows it.
     *
     * @param code e.g. SAMR
     * @param name its name
     * @param regionCode e.g. 330000
     * @param contact how to reach it
     * @param revision increases with every change
     * @param updatedAt last change
     */
    record DepartmentView(
            @Schema(example = "SAMR") String code,
            Name name,
            @Schema(example = "330000") String regionCode,
            Contact contact,
            int revision,
            Instant updatedAt) {

        static DepartmentView of(Department d) {
            return new DepartmentView(d.code(), d.name(), d.regionCode(), d.contact(), d.revision(), d.updatedAt());
        }
    }

    /**
     * A new department.
     *
     * @param code upper-case code
     * @param name names in Chinese and English
     * @param regionCode six-digit region code
     * @param contact how applicants reach it
     */
    record RegisterDepartment(String code, Name name, String regionCode, Contact contact) {}

    /**
     * A department's new state.
     *
     * @param name names in Chinese and English
     * @param regionCode six-digit region code
     * @param contact how applicants reach it
     */
    record ChangeDepartment(Name name, String regionCode, Contact contact) {}

    @GetMapping
    @Operation(summary = "All departments", description = "No token needed.")
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = DepartmentView.class))))
    ResponseEntity<byte[]> all(WebRequest request) {
        var body = service.all().stream().map(DepartmentView::of).toList();
        return Http.ok(request, Representation.of(body, json), Http.SHORT);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One department", description = "No token needed.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DepartmentView.class)))
    ResponseEntity<byte[]> one(@PathVariable String code, WebRequest request) {
        return Http.ok(request, representation(service.department(code)), Http.SHORT);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('catalog-admin')")
    @Operation(summary = "Register a department (catalog-admin)")
    ResponseEntity<byte[]> register(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = """
                                    {"code": "SAMR", "name": {"zh": "市场监督管理局", "en": "Administration for Market \
                                    Regulation"}, "regionCode": "330000", "contact": {"phone": "0571-12345",
                                    "address": "市民中心B区2楼", "email": "samr@hangzhou.gov.cn", "officeHours": "工作日 9:00-17:00"}}""")))
                    @RequestBody
                    RegisterDepartment body) {
        Department department = service.register(body.code(), body.name(), body.regionCode(), body.contact());
        return Http.created(URI.create("/api/catalog/departments/" + department.code()), representation(department));
    }

    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('catalog-admin')")
    @Operation(summary = "Change a department (catalog-admin, If-Match required)")
    ResponseEntity<byte[]> change(
            @PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(examples = @ExampleObject(value = """
                                    {"name": {"zh": "市场监督管理局", "en": "Administration for Market Regulation"},
                                     "regionCode": "330000", "contact": {"phone": "0571-12345", "address":                                     "市民中心B区3楼", "email": "samr@hangzhou.gov.cn", "officeHours": "工作日 8:30-17:30"}}""")))
                    @RequestBody
                    ChangeDepartment body) {
        Department department = service.change(
                code,
                body.name(),
                body.regionCode(),
                body.contact(),
                current -> Http.requireMatch(ifMatch, representation(current)));
        return Http.written(representation(department));
    }

    private Representation representation(Department department) {
        return Representation.of(DepartmentView.of(department), json);
    }
}
