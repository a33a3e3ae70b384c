package org.runonce.intake.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** A clerk acts only for their own service point; an applicant only for their own appointments and tickets. */
class HallIsolationIT extends HallIT {

    @Test
    void aClerkOfAnotherPointNeitherReadsNorCallsNorServes() throws Exception {
        String mine = newPoint(2);
        String theirs = newPoint(2);
        RequestPostProcessor clerk = clerkAt(mine);
        RequestPostProcessor otherClerk = clerkAt(theirs);
        RequestPostProcessor applicant = applicant(newSubject());
        String appointment =
                book(applicant, mine, "2026-11-23", "09:00", 201).get("id").asString();
        clock().set("2026-11-23T08:50");
        JsonNode ticket = postJson(clerk, HALL + "/appointments/" + appointment + "/arrival", null, 201);
        String id = ticket.get("id").asString();

        // paths naming my point: 403 for the other point's clerk
        assertThat(type(getJson(otherClerk, HALL + "/service-points/" + mine + "/queue", 403)))
                .isEqualTo("other-service-point");
        getJson(otherClerk, HALL + "/service-points/" + mine + "/appointments?day=2026-11-23", 403);
        postJson(otherClerk, HALL + "/service-points/" + mine + "/queue/COMPANY/calls", Map.of("window", "1"), 403);
        postJson(otherClerk, HALL + "/service-points/" + mine + "/tickets", Map.of("category", "COMPANY"), 403);
        // my point's appointment and ticket by id: 404
        getJson(otherClerk, HALL + "/appointments/" + appointment, 404);
        getJson(otherClerk, HALL + "/tickets/" + id, 404);
        // its own queue is empty: my ticket is not in it
        assertThat(getJson(otherClerk, HALL + "/service-points/" + theirs + "/queue", 200))
                .isEmpty();
        assertThat(type(postJson(
                        otherClerk,
                        HALL + "/service-points/" + theirs + "/queue/COMPANY/calls",
                        Map.of("window", "1"),
                        409)))
                .isEqualTo("queue-empty");
        assertThat(getJson(otherClerk, HALL + "/service-points/" + theirs + "/appointments?day=2026-11-23", 200))
                .isEmpty();

        // a clerk whose token names no point acts nowhere
        RequestPostProcessor nowhere = clerk("clerk-without-point");
        getJson(nowhere, HALL + "/service-points/" + mine + "/queue", 403);
        getJson(nowhere, HALL + "/tickets/" + id, 404);

        // my clerk calls it; the other clerk cannot close it
        JsonNode called =
                postJson(clerk, HALL + "/service-points/" + mine + "/queue/COMPANY/calls", Map.of("window", "2"), 200);
        assertThat(called.get("id").asString()).isEqualTo(id);
        postJson(otherClerk, HALL + "/tickets/" + id + "/served", null, 404);
        postJson(otherClerk, HALL + "/tickets/" + id + "/absence", null, 404);
        postJson(clerk, HALL + "/tickets/" + id + "/served", null, 200);
        assertThat(getJson(clerk, HALL + "/service-points/" + mine + "/appointments?day=2026-11-23", 200))
                .hasSize(1);
    }

    @Test
    void aClerkOfAnotherPointNeitherChecksInNorFilesOnItsTicket() throws Exception {
        String mine = newPoint(2);
        RequestPostProcessor clerk = clerkAt(mine);
        RequestPostProcessor otherClerk = clerkAt(newPoint(2));
        RequestPostProcessor applicant = applicant(newSubject());
        String appointment =
                book(applicant, mine, "2026-11-23", "09:00", 201).get("id").asString();
        clock().set("2026-11-23T08:50");
        postJson(otherClerk, HALL + "/appointments/" + appointment + "/arrival", null, 404);
        String ticket = postJson(clerk, HALL + "/appointments/" + appointment + "/arrival", null, 201)
                .get("id")
                .asString();
        long before =
                jdbc.sql("select count(*) from application").query(Long.class).single();

        // a filing names only a ticket called to the clerk's own window today
        Map<String, Object> filing = new java.util.LinkedHashMap<>(Map.of(
                "itemCode",
                "samr-company-registration",
                "applicant",
                person("郑十一"),
                "identityCheck",
                idCardRead(),
                "ticket",
                ticket));
        assertThat(type(submit(clerk, filing, 409))).isEqualTo("ticket-not-at-window");
        postJson(clerk, HALL + "/service-points/" + mine + "/queue/COMPANY/calls", Map.of("window", "1"), 200);
        assertThat(type(submit(otherClerk, filing, 404))).isEqualTo("not-found");
        assertThat(submit(clerk("clerk-without-point"), filing, 404)).isNotNull();
        // online nobody names a ticket
        assertThat(submit(applicant, filing, 400).toString()).contains("ticket");
        assertThat(jdbc.sql("select count(*) from application")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void anApplicantSeesOnlyTheirOwnAppointmentsAndTickets() throws Exception {
        String point = newPoint(2);
        RequestPostProcessor owner = applicant(newSubject());
        RequestPostProcessor other = applicant(newSubject());
        String appointment =
                book(owner, point, "2026-11-23", "09:00", 201).get("id").asString();
        String path = HALL + "/appointments/" + appointment;

        getJson(other, path, 404);
        postJson(other, path + "/cancellation", null, 404);
        postJson(other, path + "/rebooking", Map.of("day", "2026-11-23", "starts", "10:00"), 404);
        clock().set("2026-11-23T08:50");
        postJson(other, path + "/arrival", null, 404);
        assertThat(getJson(other, HALL + "/appointments", 200)).isEmpty();

        String ticket = postJson(owner, path + "/arrival", null, 201).get("id").asString();
        getJson(other, HALL + "/tickets/" + ticket, 404);
        assertThat(getJson(other, HALL + "/tickets", 200)).isEmpty();
        assertThat(getJson(owner, HALL + "/tickets", 200)).hasSize(1);

        // applicants do not call, serve or read a point's queue
        getJson(owner, HALL + "/service-points/" + point + "/queue", 403);
        postJson(owner, HALL + "/service-points/" + point + "/queue/COMPANY/calls", Map.of("window", "1"), 403);
        postJson(owner, HALL + "/tickets/" + ticket + "/served", null, 403);
        getJson(owner, HALL + "/service-points/" + point + "/appointments", 403);
        // nor does anyone without a token book
        postJson(anonymous(), HALL + "/appointments", booking(point, "2026-11-23", "10:00"), 401);
    }
}
