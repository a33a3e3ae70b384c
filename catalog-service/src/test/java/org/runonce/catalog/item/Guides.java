package org.runonce.catalog.item;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runonce.catalog.Bilingual;
import org.runonce.contracts.catalog.Name;

/** Test fixture: a complete, publishable service guide, adjustable one field at a time. */
public final class Guides {

    private ItemKind kind = ItemKind.LICENCE;
    private String department = "SAMR";
    private Name name = Bilingual.name("公司设立登记", "Company establishment registration");
    private List<String> legalBasis = List.of("《中华人民共和国市场主体登记管理条例》第三条");
    private List<String> conditions = List.of("申请人符合《中华人民共和国公司法》规定的设立条件");
    private List<ProcedureStep> steps = List.of(
            new ProcedureStep("ACCEPT", Bilingual.name("受理", "Acceptance"), null, List.of()),
            new ProcedureStep("DECIDE", Bilingual.name("决定", "Decision"), null, List.of()));
    private List<Material> materials = new ArrayList<>(List.of(material("APPLICATION_FORM", true, true)));
    private Fees fees = Fees.none();
    private TimeLimits timeLimits = new TimeLimits(15, 3);
    private HandlingMode mode = HandlingMode.RUN_ONCE;
    private Integer visits = 1;
    private Result result = new Result("BUSINESS_LICENCE", Bilingual.name("营业执照", "Business licence"), true);
    private List<DeliveryOption> delivery = List.of(DeliveryOption.ELECTRONIC);
    private List<Channel> complaints = List.of(new Channel(ChannelType.PHONE, "12345", null));
    private Map<String, Object> form = form("companyName", "企业名称", "Company name");
    private Commitment commitment;

    /** A form with one required text field. */
    public static Map<String, Object> form(String field, String zh, String en) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        form.put("type", "object");
        form.put(
                "properties",
                Map.of(
                        field,
                        Map.of(
                                "type",
                                "string",
                                "title",
                                zh,
                                "x-title",
                                Map.of("zh", zh, "en", en),
                                "maxLength",
                                100)));
        form.put("required", List.of(field));
        form.put("additionalProperties", false);
        return form;
    }

    public Guides form(Map<String, Object> value) {
        this.form = value;
        return this;
    }

    public static Guides guide() {
        return new Guides();
    }

    public static Material material(String code, boolean required, boolean key) {
        return new Material(
                code,
                Bilingual.name(code + "（中文）", code),
                required,
                key,
                MaterialForm.ORIGINAL,
                null,
                null,
                null,
                null);
    }

    public static Material satisfiedBy(String code, String itemCode) {
        return new Material(
                code, Bilingual.name(code + "（中文）", code), true, false, MaterialForm.COPY, 1, null, itemCode, null);
    }

    public Guides department(String code) {
        this.department = code;
        return this;
    }

    public Guides name(String zh, String en) {
        this.name = Bilingual.name(zh, en);
        return this;
    }

    public Guides legalBasis(List<String> value) {
        this.legalBasis = value;
        return this;
    }

    public Guides conditions(List<String> value) {
        this.conditions = value;
        return this;
    }

    public Guides steps(List<ProcedureStep> value) {
        this.steps = value;
        return this;
    }

    public Guides materials(Material... value) {
        this.materials = List.of(value);
        return this;
    }

    public Guides fees(Fees value) {
        this.fees = value;
        return this;
    }

    public Guides timeLimits(Integer statutory, Integer promised) {
        this.timeLimits = new TimeLimits(statutory, promised);
        return this;
    }

    public Guides noTimeLimits() {
        this.timeLimits = null;
        return this;
    }

    public Guides mode(HandlingMode value, Integer visits) {
        this.mode = value;
        this.visits = visits;
        return this;
    }

    public Guides kind(ItemKind value) {
        this.kind = value;
        return this;
    }

    public Guides result(Result value) {
        this.result = value;
        return this;
    }

    public Guides commitment(Commitment value) {
        this.commitment = value;
        return this;
    }

    public Guides complaints(List<Channel> value) {
        this.complaints = value;
        return this;
    }

    public Guides fee(String legalBasis) {
        this.fees =
                new Fees(false, List.of(new Fee(Bilingual.name("工本费", "Fee"), new BigDecimal("10"), "件", legalBasis)));
        return this;
    }

    public GuideContent build() {
        return new GuideContent(
                kind,
                department,
                name,
                legalBasis,
                conditions,
                steps,
                materials,
                fees,
                timeLimits,
                mode,
                visits,
                result,
                delivery,
                List.of(),
                complaints,
                form,
                commitment);
    }
}
