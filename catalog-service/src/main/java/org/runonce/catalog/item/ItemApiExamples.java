package org.runonce.catalog.item;

/** Request and problem examples the OpenAPI document shows for the item endpoints. */
final class ItemApiExamples {

    private ItemApiExamples() {}

    /** An item version's application form (JSON Schema), alone and in a guide's content. */
    static final String FORM = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "title": "公司设立登记申请表",
              "x-title": {"zh": "公司设立登记申请表", "en": "Company registration application"},
              "x-applicant-types": ["NATURAL_PERSON", "LEGAL_ENTITY"],
              "properties": {
                "companyName": {"type": "string", "minLength": 2, "maxLength": 100, "title": "企业名称",
                                "x-title": {"zh": "企业名称", "en": "Company name"}},
                "registeredCapitalYuan": {"type": "number", "minimum": 1, "title": "注册资本（元）",
                                          "x-title": {"zh": "注册资本（元）", "en": "Registered capital (yuan)"}},
                "legalRepresentativeIdNumber": {"type": "string", "format": "resident-id", "title": "法定代表人身份证号码",
                                                "x-title": {"zh": "法定代表人身份证号码", "en": "Legal representative's ID number"},
                                                "x-prefill": {"applicant": "idNumber"}}
              },
              "required": ["companyName", "registeredCapitalYuan"],
              "additionalProperties": false
            }
            """;

    /** A guide's content: a draft's body, and the content of a new item. */
    static final String GUIDE = """
            {
              "kind": "LICENCE",
              "departmentCode": "SAMR",
              "name": {"zh": "公司设立登记", "en": "Company establishment registration"},
              "legalBasis": ["《中华人民共和国市场主体登记管理条例》第三条"],
              "acceptanceConditions": ["符合《中华人民共和国公司法》规定的公司设立条件"],
              "steps": [
                {"code": "ACCEPT", "name": {"zh": "受理", "en": "Acceptance"}, "specialProcedures": []},
                {"code": "DECIDE", "name": {"zh": "审核决定", "en": "Review and decision"}, "specialProcedures": []}
              ],
              "materials": [
                {"code": "COMPANY_REGISTRATION_APPLICATION", "name": {"zh": "公司登记（备案）申请书",
                 "en": "Company registration application"}, "required": true, "key": true, "form": "ORIGINAL"},
                {"code": "ARTICLES_OF_ASSOCIATION", "name": {"zh": "公司章程", "en": "Articles of association"},
                 "required": true, "key": false, "form": "ORIGINAL"}
              ],
              "fees": {"free": true, "items": []},
              "timeLimits": {"statutoryWorkingDays": 15, "promisedWorkingDays": 1},
              "handlingMode": "ZERO_VISIT",
              "visitsRequired": 0,
              "result": {"certificateType": "BUSINESS_LICENCE", "name": {"zh": "营业执照", "en": "Business licence"},
                         "electronic": true},
              "deliveryOptions": ["ELECTRONIC", "MAIL"],
              "consultationChannels": [{"type": "PHONE", "value": "0571-12345"}],
              "complaintChannels": [{"type": "PHONE", "value": "12345"}],
              "form": """ + FORM + """
            }
            """;

    static final String CREATE = """
            {
              "code": "samr-company-registration",
              "content": """ + GUIDE + """
            }
            """;

    static final String REFUSED = """
            {
              "type": "https://runonce.org/problems/publication-refused",
              "title": "Service guide cannot be published",
              "status": 422,
              "detail": "item samr-company-registration version 2 cannot be published: missing disclosures \
            [LEGAL_BASIS, FEES, COMPLAINT_CHANNEL]; 1 other violation(s)",
              "missingDisclosures": ["LEGAL_BASIS", "FEES", "COMPLAINT_CHANNEL"],
              "violations": [{"field": "timeLimits.promisedWorkingDays",
                "rule": "PROMISED_NOT_30_PERCENT_BELOW_STATUTORY",
                "message": "the promised limit (15 working days) must be at most 70% of the statutory limit (20 working days)"}]
            }
            """;
}
