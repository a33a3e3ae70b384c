package org.runonce.approval;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.runonce.approval.cases.OpeningCases;
import org.runonce.approval.catalog.CatalogCopy;
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.runonce.starter.testing.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The approval service booted on real PostgreSQL and Kafka (the embedded local stack, or containers), with a movable
 * clock, MockMvc and the fixtures' catalog loaded: what the integration tests share (one Spring context for all of
 * them, as their configuration is the same).
 */
// the scheduled jobs stay off (tests call DeadlineWatch, AuditCheckpoints and AuditWatch directly): a checkpoint event
// in the middle of a test would be one more event on a case's subject
@SpringBootTest(
        properties = {
            "runonce.approval.deadlines.enabled=false",
            "runonce.approval.audit.checkpoints=false",
            "runonce.approval.audit.verification=false"
        })
@AutoConfigureMockMvc
@WithLocalInfrastructure
@Import(TestClockConfiguration.class)
public abstract class RunningApproval {

    public static final String CASES = "/api/approval/cases/";
    public static final String PROBLEMS = "https://runonce.org/problems/";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected CatalogCopy catalog;

    @Autowired
    protected OpeningCases opening;

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected JsonMapper json;

    @BeforeEach
    void loadCatalog() {
        Fixtures.loadCatalog(catalog);
    }

    /** A food business licence case of SAMR (site inspection in review, 5 promised days) accepted on {@code day}. */
    protected String foodLicenceAcceptedOn(String day) {
        clock.setDay(day);
        String app = Fixtures.newApplicationNumber();
        opening.open(Fixtures.single(app, Fixtures.FOOD, "SAMR", clock.instant()));
        return app + "-01";
    }

    /** POSTs an action on a case, with a JSON body or none. */
    protected ResultActions act(String number, String action, RequestPostProcessor who, String body) throws Exception {
        var request = post(CASES + number + "/" + action).with(who);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    /** GETs a path as {@code who} (null: anonymous) and reads the JSON answered, whatever the status. */
    protected JsonNode getJson(String path, RequestPostProcessor who) throws Exception {
        var request = get(path);
        if (who != null) {
            request = request.with(who);
        }
        return json.readTree(mvc.perform(request).andReturn().getResponse().getContentAsString());
    }

    /** The actions in a case's audit trail, in order. */
    protected List<String> auditActions(String caseNumber) {
        return jdbc.sql("select action from audit_entry where case_number = ? order by seq")
                .param(caseNumber)
                .query(String.class)
                .list();
    }

    /** The actors in a case's audit trail, in order. */
    protected List<String> auditActors(String caseNumber) {
        return jdbc.sql("select actor from audit_entry where case_number = ? order by seq")
                .param(caseNumber)
                .query(String.class)
                .list();
    }
}
