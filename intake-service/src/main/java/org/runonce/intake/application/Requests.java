package org.runonce.intake.application;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The request bodies of the application API. */
public final class Requests {

    private Requests() {}

    static final String CODE = "[a-z0-9][a-z0-9-]{1,62}[a-z0-9]";

    /**
     * A new application for one item ({@code itemCode}) or one bundle ({@code bundleCode}).
     *
     * @param itemCode the item applied for, or null with a bundle
     * @param bundleCode the bundle applied for, or null with an item
     * @param channel ONLINE (an applicant's own token) or WINDOW (a window clerk); defaults from the caller's role
     * @param region the accepting region, where the window or service point is (six digits, nine for a township);
     *     defaults to {@code runonce.intake.region}. An item whose department is in another region is accepted
     *     when this region's cross-region list (通办清单) names it for that region, and handled there. A clerk whose
     *     token names a service point accepts in the point's region: another region here is refused
     * @param applicant who applies; online the account's verified identity (the token's), which the body may repeat but
     *     never change; at a window the person whose identity the clerk checked
     * @param form the form fields the items need
     * @param materials what is handed in, each as a document, an e-certificate, or produced in the bundle
     * @param pledgeDate if only non-key materials are missing, accept with deficiencies on this pledge (容缺)
     * @param identityCheck at a window: how the clerk checked the applicant's identity (required there)
     * @param agencyAuthorization filed by an agent (帮办代办): the id of the authorization naming the caller as the
     *     agent; the applicant is its principal (the body may repeat, never change it), the channel ONLINE
     * @param deliveryChoice how the results should reach the applicant, if chosen now (it can be chosen or changed
     *     later, until delivered)
     * @param commitment the applicant signs the commitment (告知承诺) of the items marked for commitment approval: the
     *     materials it replaces are then not required; refused for items not marked
     * @param ticket at a window: the id of the queue ticket (取号) the clerk called to their window today, whose trip
     *     the filing is part of (one visit); its holder's account is the applicant's when the body names none
     */
    public record SubmitApplication(
            @Pattern(regexp = CODE) String itemCode,
            @Pattern(regexp = CODE) String bundleCode,
            @Pattern(regexp = "ONLINE|WINDOW") String channel,

            @Schema(example = "330100") @Pattern(regexp = "[0-9]{6}([0-9]{3})?")
            String region,

            @NotNull @Valid ApplicantInput applicant,
            Map<String, Object> form,
            @Size(max = 100) List<@NotNull @Valid MaterialInput> materials,
            LocalDate pledgeDate,
            @Valid IdentityCheckInput identityCheck,

            @Schema(example = "0b9d6c1e-2f4a-4c8e-9a51-7d3e2b1c0f42") @Size(max = 36)
            String agencyAuthorization,

            @Valid DeliveryChoice deliveryChoice,
            @Valid CommitmentInput commitment,

            @Schema(example = "5f0c9a7e-8d1b-4c2a-9e3f-1a2b3c4d5e6f")
            @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
            String ticket) {}

    /**
     * The applicant's commitment (承诺书) for items marked for commitment approval (告知承诺制): the applicant accepts
     * the statement the catalog's item version words; the text and the time are recorded from the catalog copy and
     * the clock, as the applicant's act (at a window the clerk who took it is recorded beside).
     *
     * @param accepted must be true: the applicant accepts the statement
     * @param statement the statement as shown to the applicant, optional; when given it must be the catalog's
     */
    @Schema(
            name = "CommitmentRequest",
            example =
                    "{\"accepted\": true, \"statement\": \"本人（本单位）承诺：经营场所布局、食品安全管理制度和食品安全管理人员符合食品经营许可条件，所填信息真实；如承诺不实，愿接受撤销许可并承担相应法律责任。\"}")
    public record CommitmentInput(
            @Schema(example = "true") @NotNull Boolean accepted,

            @Schema(example = "本人（本单位）承诺：经营场所布局、食品安全管理制度和食品安全管理人员符合食品经营许可条件，所填信息真实；如承诺不实，愿接受撤销许可并承担相应法律责任。")
            @Size(max = 4000)
            String statement) {}

    /**
     * How the window clerk checked the applicant's identity before filing (required at a window, refused online: there
     * the account's verified identity is the applicant). The clerk and the time are recorded from the token and the
     * clock.
     *
     * @param method ID_CARD_READER (居民身份证读卡器), PASSPORT (passport or travel permit inspected) or IN_PERSON (compared
     *     in person with the identity document)
     * @param actingAs for a legal entity: LEGAL_REPRESENTATIVE or AGENT (with a written authorization checked); else
     *     SELF (default)
     */
    public record IdentityCheckInput(
            @NotNull @Pattern(regexp = "ID_CARD_READER|PASSPORT|IN_PERSON")
            String method,

            @Pattern(regexp = "SELF|LEGAL_REPRESENTATIVE|AGENT")
            String actingAs) {}

    /**
     * @param subject the applicant's account subject; window clerks give it when the applicant has an account
     * @param name name of the person or entity; online optional (the verified identity's), and when given it must be
     *     that name; at a window required: a legal name ({@code LegalName}: Han including rare ideographs, Latin
     *     with diacritics, the middle dot, space, apostrophe, hyphen; for entities also digits, brackets and
     *     {@code & . ,}), at most 100 characters, kept NFC-normalised; refused as {@code INVALID_NAME}
     * @param type NATURAL_PERSON or LEGAL_ENTITY
     * @param idNumber resident identity number (natural person) or unified social credit code (legal entity); online
     *     a person's is optional and must be the account's verified one, an entity's names one of the entities the
     *     account may act for (token claim {@code legal_entities}); at a window required
     * @param locale zh-CN (default) or en
     * @param email e-mail for notices
     * @param phone mobile number for notices
     */
    public record ApplicantInput(
            @Size(max = 100) String subject,
            // LegalName checks it (its length in characters, not UTF-16 units: rare ideographs take two)
            @Size(min = 1) @Schema(maxLength = 100) String name,

            @NotNull @Pattern(regexp = "NATURAL_PERSON|LEGAL_ENTITY")
            String type,

            @Size(min = 1, max = 40) String idNumber,
            @Pattern(regexp = "zh-CN|en") String locale,
            @Email @Size(max = 200) String email,
            @Pattern(regexp = "\\+?[0-9][0-9 -]{5,19}") String phone) {}

    /**
     * One material; give exactly one of {@code documentId}, {@code certificate} and {@code producedBy}.
     *
     * @param code the material code, e.g. ID_CARD
     * @param documentId an uploaded document's id
     * @param certificate an e-certificate of the platform: its compact JWS
     * @param certificateNumber the certificate's number, checked against the certificate when given; alone, a
     *     certificate shared from the applicant's wallet (我的证照): intake takes the signed certificate approval issued
     *     to the applicant from its copy and verifies it (no upload)
     * @param producedBy in a bundle: the item whose certificate will provide it
     */
    @Schema(description = "One material: a document, an e-certificate, or produced inside the bundle")
    public record MaterialInput(
            @NotBlank String code,
            String documentId,
            @Size(max = 16384) String certificate,
            String certificateNumber,
            @Pattern(regexp = CODE) String producedBy) {}

    /** @param materials materials to add or replace */
    public record Supplement(@NotEmpty @Size(max = 100) List<@NotNull @Valid MaterialInput> materials) {}

    /** @param pledgeDate the day by which the missing non-key materials will be handed in */
    public record Pledge(
            @Schema(example = "2026-12-18") @NotNull LocalDate pledgeDate) {}

    /**
     * @param reason why the application cannot be accepted
     * @param legalBasis the provision the refusal rests on
     */
    @Schema(name = "RefusalRequest")
    public record Refusal(
            @Schema(example = "申请事项不属于本机关职权范围") @NotBlank @Size(max = 2000)
            String reason,

            @Schema(example = "《中华人民共和国行政许可法》第三十二条第一款第（二）项") @NotBlank @Size(max = 500)
            String legalBasis) {}

    /**
     * @param reason the applicant's reason, optional; required when a clerk withdraws without the applicant's
     *     confirmation (supervision sees it)
     * @param confirmation for a clerk: SIGNED_AT_WINDOW when the applicant signed the withdrawal at the window; else
     *     the withdrawal is recorded as not confirmed by the applicant
     */
    @Schema(name = "WithdrawalRequest")
    public record Withdrawal(
            @Schema(example = "经营场所尚未落实，暂不设立") @Size(max = 2000)
            String reason,

            @Schema(example = "SIGNED_AT_WINDOW") @Pattern(regexp = "SIGNED_AT_WINDOW")
            String confirmation) {}

    /** @param note what the department did about the bad rating (called the applicant back, corrected...) */
    @Schema(name = "RatingFollowUpRequest")
    public record RatingFollowUp(
            @Schema(example = "已电话回访申请人，说明排队原因并增开午间窗口") @NotBlank @Size(max = 2000)
            String note) {}

    /** @param purpose SUBMISSION, SUPPLEMENT, PLEDGE, RESULT_PICKUP, CONSULTATION or OTHER */
    @Schema(name = "VisitRequest")
    public record Visit(
            @Schema(example = "RESULT_PICKUP")
            @NotNull
            @Pattern(regexp = "SUBMISSION|SUPPLEMENT|PLEDGE|RESULT_PICKUP|CONSULTATION|OTHER")
            String purpose) {}

    /**
     * @param method WINDOW_PICKUP, MAIL or ELECTRONIC
     * @param trackingNumber postal tracking number, for MAIL
     * @param address postal address, for MAIL
     */
    @Schema(name = "DeliveryRequest")
    public record Delivery(
            @Schema(example = "MAIL") @NotNull @Pattern(regexp = "WINDOW_PICKUP|MAIL|ELECTRONIC")
            String method,

            @Schema(example = "1180123456789") @Size(max = 64)
            String trackingNumber,

            @Schema(example = "浙江省杭州市西湖区文三路 100 号") @Size(max = 300)
            String address) {}

    /**
     * @param method WINDOW_PICKUP, MAIL or ELECTRONIC (certificates into the wallet, a notice with their numbers)
     * @param address where to post the results, required for MAIL
     */
    @Schema(name = "DeliveryChoiceRequest")
    public record DeliveryChoice(
            @Schema(example = "ELECTRONIC") @NotNull @Pattern(regexp = "WINDOW_PICKUP|MAIL|ELECTRONIC")
            String method,

            @Schema(example = "浙江省杭州市西湖区文三路 100 号") @Size(max = 300)
            String address) {}

    /**
     * @param rating 1 (very dissatisfied) to 5 (very satisfied)
     * @param comment optional words
     */
    @Schema(name = "EvaluationRequest")
    public record Evaluation(
            @Schema(example = "5") @Min(1) @Max(5) int rating,

            @Schema(example = "一次都没跑，网上就办好了") @Size(max = 2000)
            String comment) {}
}
