package org.runonce.catalog.item;

/** Request and problem examples the OpenAPI document shows for the item endpoints. */
final class ItemApiExamples {

    private ItemApiExamples() {}

    static final String CREATE = """
            {
              "code": "samr-company-registration",
              "content": {
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
                "complaintChannels": [{"type": "PHONE", "value": "12345"}]
              }
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
