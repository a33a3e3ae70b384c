package org.runonce.intake.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.TestIds;
import org.runonce.contracts.intake.ApplicationSubmitted;
import org.runonce.intake.IntakeIT;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Help-and-agency (帮办代办) on the real database and Kafka: an applicant authorizes an agent, the agent files and
 * follows the applicant's applications in scope while the authorization is in force, recorded as the agent on behalf
 * of the applicant; outside the scope, before or after its days and after revocation the agent is refused and nothing
 * is stored; nobody else sees or revokes the authorization.
 */
class AgencyIT extends IntakeIT {

    static final String AUTHORIZATIONS = "/api/intake/agency/authorizations";
    static final String RECEIVED = "/api/intake/agency/received-authorizations";
    static final String APPLICATIONS = "/api/intake/applications";
    static final String UNEMPLOYMENT = "hrss-unemployment-benefit";

    @Test
    void anAgentFilesAndSupplementsInScopeRecordedAsTheAgentOnBehalfOfThePrincipal() throws Exception {
        Map<String, Object> zhao = person("赵六");
        String principalSubject = newSubject();
        RequestPostProcessor principal = applicant(principalSubject, zhao);
        String agentSubject = newSubject();
        RequestPostProcessor agent = applicant(agentSubject, person("李四"));

        JsonNode granted = postJson(principal, AUTHORIZATIONS, grant(applicantAgent(agentSubject)), 201);
        String id = granted.get("id").asString();
        assertThat(granted.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(granted.get("principal").get("name").asString()).isEqualTo("赵六");
        assertThat(granted.get("principal").get("idNumber").asString())
                .as("masked")
                .doesNotContain(((String) zhao.get("idNumber")).substring(6, 14));
        // stored encrypted (issue 16); the agent's filing below matches it to the applicant, so it decrypts
        assertThat(jdbc.sql("select principal_id_number from agency_authorization where id = cast(? as uuid)")
                        .param(id)
                        .query(String.class)
                        .single())
                .startsWith("pd1:")
                .doesNotContain((String) zhao.get("idNumber"));

        // the agent names the authorization, not the principal's identity
        JsonNode filed = submit(agent, unemployment(id, agent, "ID_CARD"), 201);
        String number = filed.get("number").asString();
        assertThat(filed.get("status").asString()).isEqualTo("PENDING_SUPPLEMENT");
        assertThat(filed.get("channel").asString()).isEqualTo("ONLINE");
        assertThat(filed.get("applicant").get("name").asString()).isEqualTo("赵六");
        assertThat(filed.get("applicant").get("idNumber").asString()).isEqualTo(zhao.get("idNumber"));
        assertThat(filed.get("filedBy").asString()).isEqualTo(agentSubject);
        JsonNode check = filed.get("identityCheck");
        assertThat(check.get("method").asString()).isEqualTo("AGENCY_AUTHORIZATION");
        assertThat(check.get("checkedBy").asString()).isEqualTo(agentSubject);
        assertThat(check.get("actingAs").asString()).isEqualTo("AGENT");
        assertThat(check.get("actingPerson").asString()).isEqualTo("李四");
        assertThat(check.get("agencyAuthorization").asString()).isEqualTo(id);
        assertThat(filed.get("visits").asInt()).as("the principal made no trip").isZero();
        assertThat(jdbc.sql("select applicant_subject || ' ' || filed_by from application where number = ?")
                        .param(number)
                        .query(String.class)
                        .single())
                .isEqualTo(principalSubject + " " + agentSubject);

        // the principal's own application: in their list, read by them as stored; the agent's event names both
        assertThat(getJson(principal, APPLICATIONS, 200).findValuesAsString("number"))
                .contains(number);
        JsonNode stored = getJson(principal, APPLICATIONS + "/" + number, 200);
        assertThat(stored.get("filedBy").asString()).isEqualTo(agentSubject);
        assertThat(stored.get("identityCheck").get("agencyAuthorization").asString())
                .isEqualTo(id);
        JsonNode submitted = awaitEvents(number, ApplicationSubmitted.TYPE).stream()
                .map(json::readTree)
                .filter(e -> e.get("type").asString().equals(ApplicationSubmitted.TYPE))
                .findFirst()
                .orElseThrow()
                .get("data");
        assertThat(submitted.get("filedBy").asString()).isEqualTo(agentSubject);
        assertThat(submitted.get("applicant").get("name").asString()).isEqualTo("赵六");

        // the agent follows it: reads and supplements
        assertThat(getJson(agent, APPLICATIONS + "/" + number, 200)
                        .get("number")
                        .asString())
                .isEqualTo(number);
        JsonNode supplemented = postJson(
                agent,
                APPLICATIONS + "/" + number + "/supplements",
                Map.of("materials", documents(agent, "TERMINATION_PROOF")),
                200);
        assertThat(supplemented.get("status").asString()).isEqualTo("ACCEPTED");

        // the principal sees who acted for them, the agent the authorization given to them
        JsonNode mine = only(getJson(principal, AUTHORIZATIONS, 200), id);
        assertThat(mine.get("acts").findValuesAsString("act")).containsExactly("SUBMISSION", "READ", "READ");
        assertThat(mine.get("acts").findValuesAsString("applicationNumber")).containsOnly(number);
        assertThat(mine.get("acts").findValuesAsString("agentUsername")).containsOnly(agentSubject);
        assertThat(mine.get("acts").findValuesAsString("agentName")).containsOnly("李四");
        assertThat(only(getJson(agent, RECEIVED, 200), id)
                        .get("principal")
                        .get("name")
                        .asString())
                .isEqualTo("赵六");
        assertThat(getJson(agent, AUTHORIZATIONS + "/" + id, 200).get("id").asString())
                .isEqualTo(id);
    }

    @Test
    void outOfScopeBeforeTheStartAfterTheEndAndAfterRevocationTheAgentIsRefusedAndNothingIsStored() throws Exception {
        String principalSubject = newSubject();
        RequestPostProcessor principal = applicant(principalSubject, person("钱七"));
        String agentSubject = newSubject();
        RequestPostProcessor agent = applicant(agentSubject, person("孙八"));

        Map<String, Object> later = new LinkedHashMap<>(grant(applicantAgent(agentSubject)));
        later.put("validFrom", "2026-11-25");
        later.put("validUntil", "2026-11-30");
        String id = postJson(principal, AUTHORIZATIONS, later, 201).get("id").asString();
        assertThat(refusal(submit(agent, unemployment(id, agent, "ID_CARD"), 403)))
                .isEqualTo("NOT_YET_VALID");

        clock().set("2026-11-25T09:00");
        Map<String, Object> food = new LinkedHashMap<>(unemployment(id, agent, "ID_CARD"));
        food.put("itemCode", "samr-food-business-licence");
        assertThat(refusal(submit(agent, food, 403))).isEqualTo("OUT_OF_SCOPE");
        // a body naming someone else is refused: the principal is the authorization's
        Map<String, Object> someoneElse = new LinkedHashMap<>(unemployment(id, agent, "ID_CARD"));
        someoneElse.put("applicant", Map.of("type", "NATURAL_PERSON", "idNumber", TestIds.residentId()));
        JsonNode notPrincipal = submit(agent, someoneElse, 403);
        assertThat(notPrincipal.get("type").asString())
                .isEqualTo("https://runonce.org/problems/applicant-not-principal");
        assertThat(notPrincipal.get("field").asString()).isEqualTo("applicant.idNumber");
        // another account than the agent
        RequestPostProcessor stranger = applicant(newSubject(), person("周九"));
        assertThat(refusal(submit(stranger, unemployment(id, stranger, "ID_CARD"), 403)))
                .isEqualTo("NOT_THE_AGENT");
        assertThat(storedFor(principalSubject)).isZero();

        String number = submit(agent, unemployment(id, agent, "ID_CARD"), 201)
                .get("number")
                .asString();
        assertThat(storedFor(principalSubject)).isOne();

        clock().set("2026-12-01T09:00");
        assertThat(refusal(submit(agent, unemployment(id, agent, "ID_CARD"), 403)))
                .isEqualTo("EXPIRED");
        getJson(agent, APPLICATIONS + "/" + number, 404);
        assertThat(storedFor(principalSubject)).isOne();

        // revoked: at once, for filing, following and reading
        String second = postJson(principal, AUTHORIZATIONS, grant(applicantAgent(agentSubject)), 201)
                .get("id")
                .asString();
        String secondNumber = submit(agent, unemployment(second, agent, "ID_CARD"), 201)
                .get("number")
                .asString();
        JsonNode revoked =
                postJson(principal, AUTHORIZATIONS + "/" + second + "/revocation", Map.of("reason", "已自行办理"), 200);
        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("revokedAt").asString()).startsWith("2026-12-01T");
        long acts = actsUnder(second);
        assertThat(refusal(submit(agent, unemployment(second, agent, "ID_CARD"), 403)))
                .isEqualTo("REVOKED");
        getJson(agent, APPLICATIONS + "/" + secondNumber, 404);
        postJson(
                agent,
                APPLICATIONS + "/" + secondNumber + "/supplements",
                Map.of("materials", documents(agent, "TERMINATION_PROOF")),
                404);
        assertThat(getJson(principal, APPLICATIONS + "/" + secondNumber, 200)
                        .get("status")
                        .asString())
                .isEqualTo("PENDING_SUPPLEMENT");
        assertThat(storedFor(principalSubject)).isEqualTo(2);
        assertThat(actsUnder(second)).isEqualTo(acts);
        postJson(principal, AUTHORIZATIONS + "/" + second + "/revocation", Map.of(), 409);
    }

    @Test
    void anotherApplicantNeitherListsNorReadsNorRevokesMyAuthorizationsAndTheAgentCannotRevoke() throws Exception {
        RequestPostProcessor principal = applicant(newSubject(), person("吴十"));
        String agentSubject = newSubject();
        RequestPostProcessor agent = applicant(agentSubject, person("郑一"));
        String id = postJson(principal, AUTHORIZATIONS, grant(applicantAgent(agentSubject)), 201)
                .get("id")
                .asString();

        RequestPostProcessor other = applicant(newSubject(), person("王二"));
        assertThat(getJson(other, AUTHORIZATIONS, 200).findValuesAsString("id")).doesNotContain(id);
        assertThat(getJson(other, RECEIVED, 200).findValuesAsString("id")).doesNotContain(id);
        getJson(other, AUTHORIZATIONS + "/" + id, 404);
        postJson(other, AUTHORIZATIONS + "/" + id + "/revocation", Map.of(), 404);
        postJson(agent, AUTHORIZATIONS + "/" + id + "/revocation", Map.of(), 404);
        getJson(other, AUTHORIZATIONS + "/not-a-uuid", 404);
        assertThat(getJson(principal, AUTHORIZATIONS + "/" + id, 200)
                        .get("status")
                        .asString())
                .isEqualTo("ACTIVE");
        // a clerk of the same username is not an applicant agent
        assertThat(getJson(clerk(agentSubject), RECEIVED, 200).findValuesAsString("id"))
                .doesNotContain(id);
    }

    @Test
    void theAgentReadsOnlyThePrincipalsApplicationsInScope() throws Exception {
        Map<String, Object> feng = person("冯二");
        String principalSubject = newSubject();
        RequestPostProcessor principal = applicant(principalSubject, feng);
        String agentSubject = newSubject();
        RequestPostProcessor agent = applicant(agentSubject, person("陈三"));

        // the principal's own applications before any authorization
        String inScope = submit(principal, own(principal, UNEMPLOYMENT), 201)
                .get("number")
                .asString();
        String namedOnly = submit(principal, own(principal, "hrss-social-security-card"), 201)
                .get("number")
                .asString();
        String outside = submit(principal, own(principal, "hrss-social-security-card"), 201)
                .get("number")
                .asString();
        RequestPostProcessor someoneElse = applicant(newSubject(), person("褚四"));
        String notThePrincipals = submit(someoneElse, own(someoneElse, UNEMPLOYMENT), 201)
                .get("number")
                .asString();

        Map<String, Object> body = new LinkedHashMap<>(grant(applicantAgent(agentSubject)));
        body.put("scope", Map.of("itemCodes", List.of(UNEMPLOYMENT), "applicationNumbers", List.of(namedOnly)));
        String id = postJson(principal, AUTHORIZATIONS, body, 201).get("id").asString();

        getJson(agent, APPLICATIONS + "/" + inScope, 200);
        getJson(agent, APPLICATIONS + "/" + namedOnly, 200);
        getJson(agent, APPLICATIONS + "/" + outside, 404);
        getJson(agent, APPLICATIONS + "/" + notThePrincipals, 404);
        assertThat(getJson(agent, APPLICATIONS, 200).findValuesAsString("number"))
                .as("the agent's own list is theirs")
                .doesNotContain(inScope, namedOnly);
        JsonNode acts = getJson(principal, AUTHORIZATIONS + "/" + id, 200).get("acts");
        assertThat(acts.findValuesAsString("applicationNumber")).containsExactly(inScope, namedOnly);
    }

    @Test
    void aStaffMemberFilesForAPersonAndTheLegalRepresentativeAuthorizesForTheCompany() throws Exception {
        String principalSubject = newSubject();
        RequestPostProcessor principal = applicant(principalSubject, person("蒋五"));
        JsonNode granted = postJson(
                principal,
                AUTHORIZATIONS,
                grant(Map.of("kind", "STAFF", "username", "wang.fang", "name", "王芳（转塘街道便民服务中心）")),
                201);
        String id = granted.get("id").asString();
        RequestPostProcessor wangFang = clerk("wang.fang");
        assertThat(getJson(wangFang, RECEIVED, 200).findValuesAsString("id")).contains(id);

        JsonNode filed = submit(wangFang, unemployment(id, wangFang, "ID_CARD"), 201);
        assertThat(filed.get("filedBy").asString()).isEqualTo("wang.fang");
        assertThat(filed.get("applicant").get("name").asString()).isEqualTo("蒋五");
        assertThat(filed.get("identityCheck").get("method").asString()).isEqualTo("AGENCY_AUTHORIZATION");
        assertThat(filed.get("visits").asInt()).isZero();
        Map<String, Object> atWindow = new LinkedHashMap<>(unemployment(id, wangFang, "ID_CARD"));
        atWindow.put("identityCheck", idCardRead());
        assertThat(submit(wangFang, atWindow, 400).get("errors").findValuesAsString("field"))
                .containsExactly("identityCheck");
        assertThat(refusal(submit(clerk("li.na"), unemployment(id, clerk("li.na"), "ID_CARD"), 403)))
                .isEqualTo("NOT_THE_AGENT");
        assertThat(storedFor(principalSubject)).isOne();

        // a company: only its legal representative authorizes, the agent files in the company's name
        Map<String, Object> company = company("杭州代办科技有限公司");
        String representativeSubject = newSubject();
        RequestPostProcessor representative = applicant(representativeSubject, company);
        String agentSubject = newSubject();
        RequestPostProcessor agent = applicant(agentSubject, person("韩六"));
        Map<String, Object> forCompany = new LinkedHashMap<>(grant(applicantAgent(agentSubject)));
        forCompany.put("principalType", "LEGAL_ENTITY");
        forCompany.put("creditCode", company.get("idNumber"));
        forCompany.put("scope", Map.of("itemCodes", List.of("samr-food-business-licence")));
        String companyId = postJson(representative, AUTHORIZATIONS, forCompany, 201)
                .get("id")
                .asString();
        Map<String, Object> food = Map.of(
                "itemCode",
                "samr-food-business-licence",
                "agencyAuthorization",
                companyId,
                "applicant",
                Map.of("type", "LEGAL_ENTITY"),
                "form",
                Map.of("businessPremises", "杭州市上城区食品街1号", "foodCategories", "预包装食品销售"),
                "materials",
                documents(agent, "FOOD_BUSINESS_APPLICATION"));
        JsonNode companyFiled = submit(agent, food, 201);
        assertThat(companyFiled.get("applicant").get("name").asString()).isEqualTo("杭州代办科技有限公司");
        assertThat(companyFiled.get("applicant").get("idNumber").asString()).isEqualTo(company.get("idNumber"));
        assertThat(storedFor(representativeSubject)).isOne();

        // an agent of the company in the token may not pass the authorization on
        RequestPostProcessor companyAgent = jwt().jwt(t -> t.subject(newSubject())
                        .claim("preferred_username", "company-agent")
                        .claim("id_number", TestIds.residentId())
                        .claim("verified_name", "代理人")
                        .claim("legal_entities", List.of(company.get("idNumber") + "|杭州代办科技有限公司|AGENT")))
                .authorities(new SimpleGrantedAuthority("ROLE_applicant"));
        JsonNode refused = postJson(companyAgent, AUTHORIZATIONS, forCompany, 403);
        assertThat(refused.get("type").asString()).isEqualTo("https://runonce.org/problems/entity-not-authorized");
        postJson(applicant(newSubject()), AUTHORIZATIONS, grant(applicantAgent(agentSubject)), 403);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static Map<String, Object> grant(Map<String, Object> agent) {
        return Map.of(
                "principalType",
                "NATURAL_PERSON",
                "agent",
                agent,
                "scope",
                Map.of("itemCodes", List.of(UNEMPLOYMENT)),
                "validUntil",
                "2027-02-28");
    }

    private static Map<String, Object> applicantAgent(String username) {
        return Map.of("kind", "APPLICANT", "username", username);
    }

    /** The agent's submission: the authorization named, the applicant only by type. */
    private Map<String, Object> unemployment(String authorization, RequestPostProcessor agent, String... materials)
            throws Exception {
        return Map.of(
                "itemCode",
                UNEMPLOYMENT,
                "agencyAuthorization",
                authorization,
                "applicant",
                Map.of("type", "NATURAL_PERSON"),
                "form",
                Map.of("terminationDate", "2026-10-31"),
                "materials",
                documents(agent, materials));
    }

    /** The applicant's own submission for an item of a person, nothing handed in. */
    private Map<String, Object> own(RequestPostProcessor who, String itemCode) {
        Map<String, Object> form = UNEMPLOYMENT.equals(itemCode) ? Map.of("terminationDate", "2026-10-31") : Map.of();
        return Map.of(
                "itemCode",
                itemCode,
                "applicant",
                Map.of("type", "NATURAL_PERSON"),
                "form",
                form,
                "materials",
                List.of());
    }

    private static String refusal(JsonNode problem) {
        assertThat(problem.get("type").asString()).isEqualTo("https://runonce.org/problems/agency-not-authorized");
        assertThat(problem.get("detail").asString()).contains("Nothing was stored");
        return problem.get("reason").asString();
    }

    private static JsonNode only(JsonNode list, String id) {
        List<JsonNode> found = new ArrayList<>();
        list.forEach(a -> {
            if (a.get("id").asString().equals(id)) {
                found.add(a);
            }
        });
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private long storedFor(String subject) {
        return jdbc.sql("select count(*) from application where applicant_subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    private long actsUnder(String authorization) {
        return jdbc.sql("select count(*) from agency_act where authorization_id = ?::uuid")
                .param(authorization)
                .query(Long.class)
                .single();
    }
}
