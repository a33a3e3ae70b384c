package org.runonce.intake.application.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.runonce.intake.application.ApplicationAccess;
import org.runonce.intake.application.ApplicationStatus;
import org.runonce.intake.application.ApplicationView;
import org.runonce.intake.application.ChangingApplication;
import org.runonce.intake.application.Requests;
import org.runonce.intake.application.SubmittingApplication;
import org.runonce.intake.application.SupplementingApplication;
import org.runonce.intake.completeness.FieldError;
import org.runonce.intake.idempotency.IdempotentRequests;
import org.runonce.starter.security.Caller;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Applications: submit, supplement, accept, refuse, withdraw, follow progress, deliver, evaluate. (Papers: {@code papers}.) */
@RestController
@RequestMapping(path = "/api/intake/applications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Applications", description = "一窗受理: one application for an item or a bundle, one notice, one visit")
class ApplicationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final SubmittingApplication submitting;
    private final SupplementingApplication supplementing;
    private final ChangingApplication changing;
    private final ApplicationAccess access;

    ApplicationController(
            SubmittingApplication submitting,
            SupplementingApplication supplementing,
            ChangingApplication changing,
            ApplicationAccess access) {
        this.submitting = submitting;
        this.supplementing = supplementing;
        this.changing = changing;
        this.access = access;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('applicant', 'window-clerk')")
    @Operation(summary = "Submit an application", description = """
                    For one item (`itemCode`) or one bundle (`bundleCode`). An applicant submits ONLINE for themselves: \
                    the applicant is the account's verified identity from the token (a person's name and ID number; a \
                    company only one the token's `legal_entities` lists, named by its credit code); a body naming \
                    anyone else is a 403 `applicant-not-caller` / `entity-not-authorized`, an unverified account a 403 \
                    `identity-not-verified`. A window clerk files WINDOW for the person described in `applicant` whose \
                    identity they checked, saying how in `identityCheck` (recorded with the clerk and the time; a \
                    visit is recorded). The \
                    form and materials are checked at once against the item versions in force (local catalog copy; the \
                    form against those versions' JSON Schemas, `GET /api/catalog/items/{code}/form` or, for a bundle, \
                    `GET /api/catalog/bundles/{code}/form`): \
                    complete -> ACCEPTED with cases and a receipt; something missing -> PENDING_SUPPLEMENT with ONE \
                    notice listing all of it; only non-key materials missing and `pledgeDate` given -> accepted with \
                    deficiencies. Invalid input is refused as a problem listing every invalid field (form fields with \
                    their JSON Pointer and a stable code); nothing is stored. With an \
                    `Idempotency-Key`, the same key and body answer the first result again (header \
                    `Idempotent-Replayed: true`), the same key with another body is a 422.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = Requests.SubmitApplication.class),
                            examples = {
                                @ExampleObject(name = "company start-up, online", value = """
                    {"bundleCode": "company-startup",
                     "applicant": {"type": "NATURAL_PERSON", "locale": "zh-CN", "email": "zhang.san@example.cn",
                                   "phone": "13800000000"},
                     "form": {"companyName": "杭州一次科技有限公司", "registeredCapitalYuan": 1000000,
                              "businessScope": "软件开发", "registeredAddress": "杭州市西湖区文三路1号",
                              "legalRepresentativeName": "张三", "sealCount": 2, "employeeCount": 5},
                     "materials": [
                       {"code": "COMPANY_REGISTRATION_APPLICATION", "documentId": "5d1f3c9e-7a51-4a8e-b0a4-1f3c9e7a514a"},
                       {"code": "ARTICLES_OF_ASSOCIATION", "documentId": "0b6e2a1c-3d4f-4e5a-8b9c-0d1e2f3a4b5c"},
                       {"code": "ID_CARD", "documentId": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"}]}"""),
                                @ExampleObject(name = "at a window, identity card read", value = """
                    {"itemCode": "hrss-unemployment-benefit",
                     "applicant": {"name": "李四", "type": "NATURAL_PERSON", "idNumber": "33010219850615202X"},
                     "identityCheck": {"method": "ID_CARD_READER"},
                     "form": {"terminationDate": "2026-10-31"},
                     "materials": [{"code": "ID_CARD", "documentId": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"}]}"""),
                                @ExampleObject(name = "with an e-certificate", value = """
                    {"itemCode": "samr-food-business-licence",
                     "applicant": {"name": "杭州一次科技有限公司", "type": "LEGAL_ENTITY", "idNumber": "91330106MA2XXXXX0X"},
                     "form": {"businessPremises": "文三路1号", "foodCategories": "预包装食品销售"},
                     "materials": [{"code": "BUSINESS_LICENCE", "certificateNumber": "BUSINESS_LICENCE-2026-000042",
                                    "certificate": "eyJhbGciOiJFUzI1NiIsImtpZCI6Ii4uLiJ9.eyJ...In0.MEUCIQ..."}]}""")
                            }))
    @ApiResponse(
            responseCode = "201",
            description =
                    "ACCEPTED (with cases and receipt), PENDING_SUPPLEMENT (with the notice) or AWAITING_ACCEPTANCE",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @ApiResponse(
            responseCode = "400",
            description = "validation-failed: every invalid field in `errors`",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
                    {"type": "https://runonce.org/problems/validation-failed", "title": "Validation failed",
                     "status": 400, "detail": "3 fields are invalid.",
                     "errors": [{"field": "applicant.idNumber", "message": "is not a valid resident identity number"},
                                {"field": "form.companyName", "message": "is required",
                                 "pointer": "/form/companyName", "code": "REQUIRED"},
                                {"field": "form.sealCount", "message": "number found, integer expected",
                                 "pointer": "/form/sealCount", "code": "WRONG_TYPE"}],
                     "requestId": "8f14e45f"}""")))
    @ApiResponse(
            responseCode = "403",
            description = "identity-not-verified, applicant-not-caller, entity-not-authorized; nothing is stored")
    @ApiResponse(responseCode = "422", description = "certificate-invalid, item-not-available, idempotency-key-reused")
    ResponseEntity<String> submit(
            @RequestBody Requests.SubmitApplication request,
            @Parameter(description = "unique per intended submission, e.g. a UUID; 1-200 printable characters")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    String idempotencyKey,
            Caller caller) {
        return respond(submitting.submit(request, caller, checked(idempotencyKey)));
    }

    @GetMapping
    @Operation(
            summary = "Applications",
            description = "An applicant's own; for window clerks and supervisors all, newest first, optionally by"
                    + " status (e.g. the clerks' queue of OVERDUE_PLEDGE). A window clerk may look up the"
                    + " applications of one person or entity by `idNumber` (found by its blind index: the number is"
                    + " stored encrypted); supervisors see ID and phone numbers masked.")
    List<ApplicationView> list(
            @RequestParam(required = false) ApplicationStatus status,
            @RequestParam(required = false) String idNumber,
            @RequestParam(defaultValue = "50") int limit,
            Caller caller) {
        return access.list(caller, status, idNumber, Math.clamp(limit, 1, 500));
    }

    @GetMapping("/{number}")
    @Operation(
            summary = "One application and its progress",
            description = "Every case's status across departments, notices, receipt, visits, delivery, evaluation."
                    + " For the applicant, window clerks and supervisors; 404 for anyone else.")
    ApplicationView get(@PathVariable String number, Caller caller) {
        return access.get(number, caller);
    }

    @PostMapping(path = "/{number}/supplements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('applicant', 'window-clerk')")
    @Operation(
            summary = "Supplement materials",
            description = "Before acceptance: replaces the materials given and checks again; a new notice only for"
                    + " what could not be checked before (flagged). After acceptance with deficiencies: hands in the"
                    + " missing materials. Idempotency-Key as for submission.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = Requests.Supplement.class),
                            examples = @ExampleObject(value = """
                    {"materials": [{"code": "ARTICLES_OF_ASSOCIATION", "documentId": "0b6e2a1c-3d4f-4e5a-8b9c-0d1e2f3a4b5c"}]}""")))
    ResponseEntity<String> supplement(
            @PathVariable String number,
            @RequestBody Requests.Supplement request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            Caller caller) {
        return respond(supplementing.supplement(number, request, caller, checked(idempotencyKey)));
    }

    @PostMapping(path = "/{number}/pledge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('applicant', 'window-clerk')")
    @Operation(
            summary = "Accept with deficiencies (容缺受理) on a pledge",
            description = "Only when non-key materials alone are missing; the date lies after today and at most"
                    + " runonce.intake.pledge.max-working-days working days ahead.")
    ApplicationView pledge(@PathVariable String number, @Valid @RequestBody Requests.Pledge pledge, Caller caller) {
        return changing.pledge(number, pledge.pledgeDate(), caller);
    }

    @PostMapping("/{number}/acceptance")
    @PreAuthorize("hasRole('window-clerk')")
    @Operation(
            summary = "Accept a complete application",
            description = "For applications AWAITING_ACCEPTANCE (runonce.intake.acceptance.automatic=false).")
    ApplicationView accept(@PathVariable String number, Caller caller) {
        return changing.accept(number, caller);
    }

    @PostMapping(path = "/{number}/refusal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('window-clerk')")
    @Operation(summary = "Refuse (不予受理)", description = "With the reason and the legal basis, before acceptance.")
    ApplicationView refuse(@PathVariable String number, @Valid @RequestBody Requests.Refusal refusal, Caller caller) {
        return changing.refuse(number, refusal, caller);
    }

    @PostMapping(path = "/{number}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('applicant', 'window-clerk')")
    @Operation(
            summary = "Withdraw",
            description = "By the applicant (or their agent) before any case is decided; a clerk withdraws for them"
                    + " with confirmation SIGNED_AT_WINDOW (the applicant signed at the window: a visit), or else only"
                    + " with a reason, recorded as not confirmed by the applicant: supervision lists it and approval"
                    + " opens an accountability record.")
    ApplicationView withdraw(
            @PathVariable String number, @Valid @RequestBody Requests.Withdrawal withdrawal, Caller caller) {
        return changing.withdraw(number, withdrawal, caller);
    }

    @PostMapping(path = "/{number}/visits", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('window-clerk')")
    @Operation(
            summary = "Record an in-person contact",
            description = "Contacts on the same day are one visit; more than one visit flags the application.")
    ApplicationView visit(@PathVariable String number, @Valid @RequestBody Requests.Visit visit, Caller caller) {
        return changing.recordVisit(number, visit.purpose(), caller);
    }

    @PutMapping(path = "/{number}/delivery-choice", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('applicant', 'window-clerk')")
    @Operation(
            summary = "Choose how the results are delivered",
            description = "By the applicant (or a clerk for them), at submission or later until they are delivered:"
                    + " WINDOW_PICKUP, MAIL with an address, or ELECTRONIC (the e-certificates in the wallet and a"
                    + " notice with their numbers; recorded as delivered by itself when the application completes)."
                    + " The method must be offered by every item (deliveryOptions).")
    ApplicationView chooseDelivery(
            @PathVariable String number, @Valid @RequestBody Requests.DeliveryChoice choice, Caller caller) {
        return changing.chooseDelivery(number, choice, caller);
    }

    @PostMapping(path = "/{number}/delivery", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('window-clerk')")
    @Operation(
            summary = "Record result delivery (统一出件)",
            description = "Once for all cases of a COMPLETED application: WINDOW_PICKUP (a visit), MAIL with tracking"
                    + " number and address (the chosen one when none is given), or ELECTRONIC; the method must be"
                    + " offered by every item and be the applicant's choice, if any, unless they pick it up in"
                    + " person.")
    ApplicationView deliver(
            @PathVariable String number, @Valid @RequestBody Requests.Delivery delivery, Caller caller) {
        return changing.deliver(number, delivery, caller);
    }

    @PostMapping(path = "/{number}/evaluation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('applicant', 'window-clerk')")
    @Operation(
            summary = "Rate the service (好差评)",
            description = "Once, by the applicant online, or recorded by a clerk at the window (or through the link"
                    + " sent by SMS: /api/intake/public/ratings), once the application is completed, refused or"
                    + " withdrawn; 1 or 2 opens a follow-up by each department rated, due in working days.")
    ApplicationView evaluate(
            @PathVariable String number, @Valid @RequestBody Requests.Evaluation evaluation, Caller caller) {
        return changing.evaluate(number, evaluation, caller);
    }

    @PostMapping(path = "/{number}/evaluation/follow-up", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('reviewer', 'department-head')")
    @Operation(
            summary = "Follow up a bad rating (整改回访)",
            description = "By a reviewer or head of a department rated 1 or 2, once per department; the applicant"
                    + " sees it, and the last department's closes the follow-up. Past its due date the supervisors"
                    + " see it overdue. Another department learns nothing of the application (404).")
    ApplicationView followUpRating(
            @PathVariable String number, @Valid @RequestBody Requests.RatingFollowUp followUp, Caller caller) {
        return changing.followUpRating(number, followUp.note(), caller);
    }

    private static ResponseEntity<String> respond(IdempotentRequests.Response response) {
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.status(response.status()).contentType(MediaType.APPLICATION_JSON);
        if (response.location() != null) {
            builder.location(URI.create(response.location()));
        }
        if (response.replayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(response.body());
    }

    private static String checked(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw FieldError.invalid(
                    List.of(new FieldError(IDEMPOTENCY_KEY, "must be 1-200 printable ASCII characters")));
        }
        return key;
    }
}
