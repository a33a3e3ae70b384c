package org.runonce.intake.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** Tickets on arrival, the calling order, waits, no-shows marked once, the supervisors' figures. */
class QueueIT extends HallIT {

    @Test
    void appointmentsAreCalledFirstThenWalkInsInOrderAndWaitsAreRecorded() throws Exception {
        String point = newPoint(3);
        RequestPostProcessor clerk = clerkAt(point);
        RequestPostProcessor first = applicant(newSubject());
        RequestPostProcessor second = applicant(newSubject());
        RequestPostProcessor walker = applicant(newSubject());
        String firstAppointment =
                book(first, point, "2026-11-23", "09:00", 201).get("id").asString();
        String secondAppointment =
                book(second, point, "2026-11-23", "09:00", 201).get("id").asString();

        clock().set("2026-11-23T07:50");
        assertThat(type(postJson(second, HALL + "/appointments/" + secondAppointment + "/arrival", null, 409)))
                .isEqualTo("too-early");
        clock().set("2026-11-23T08:40");
        JsonNode c001 =
                postJson(clerk, HALL + "/service-points/" + point + "/tickets", Map.of("category", "COMPANY"), 201);
        clock().set("2026-11-23T08:45");
        JsonNode c002 = postJson(second, HALL + "/appointments/" + secondAppointment + "/arrival", null, 201);
        clock().set("2026-11-23T08:50");
        JsonNode c003 = postJson(clerk, HALL + "/appointments/" + firstAppointment + "/arrival", null, 201);
        clock().set("2026-11-23T08:55");
        JsonNode c004 =
                postJson(walker, HALL + "/service-points/" + point + "/tickets", Map.of("category", "COMPANY"), 201);
        JsonNode a001 = postJson(
                walker, HALL + "/service-points/" + point + "/tickets", Map.of("category", "COMPREHENSIVE"), 201);

        // one waiting ticket per applicant and category
        assertThat(type(postJson(
                        walker, HALL + "/service-points/" + point + "/tickets", Map.of("category", "COMPANY"), 409)))
                .isEqualTo("already-queued");
        assertThat(List.of(c001, c002, c003, c004, a001))
                .extracting(t -> t.get("number").asString())
                .containsExactly("C001", "C002", "C003", "C004", "A001");
        // appointments before walk-ins: C002 and C003 wait before C001, all three before C004
        assertThat(c004.get("ahead").asInt()).isEqualTo(3);
        assertThat(getJson(walker, HALL + "/tickets/" + c001.get("id").asString(), 404))
                .isNotNull();
        assertThat(getJson(clerk, HALL + "/tickets/" + c001.get("id").asString(), 200)
                        .get("ahead")
                        .asInt())
                .isEqualTo(2);
        assertThat(type(postJson(second, HALL + "/appointments/" + secondAppointment + "/arrival", null, 409)))
                .isEqualTo("appointment-not-booked");

        List<String> called = new ArrayList<>();
        clock().set("2026-11-23T09:05");
        JsonNode call =
                postJson(clerk, HALL + "/service-points/" + point + "/queue/COMPANY/calls", Map.of("window", "5"), 200);
        called.add(call.get("number").asString());
        assertThat(call.get("waitMinutes").asLong()).isEqualTo(20);
        assertThat(call.get("window").asString()).isEqualTo("5");
        clock().set("2026-11-23T09:20");
        JsonNode served = postJson(clerk, HALL + "/tickets/" + call.get("id").asString() + "/served", null, 200);
        assertThat(served.get("status").asString()).isEqualTo("SERVED");
        assertThat(type(postJson(clerk, HALL + "/tickets/" + call.get("id").asString() + "/served", null, 409)))
                .isEqualTo("ticket-not-called");
        for (String at : List.of("09:25", "09:30", "09:40")) {
            clock().set("2026-11-23T" + at);
            called.add(postJson(
                            clerk,
                            HALL + "/service-points/" + point + "/queue/COMPANY/calls",
                            Map.of("window", "5"),
                            200)
                    .get("number")
                    .asString());
        }
        assertThat(called).containsExactly("C002", "C003", "C001", "C004");
        assertThat(type(postJson(
                        clerk, HALL + "/service-points/" + point + "/queue/COMPANY/calls", Map.of("window", "5"), 409)))
                .isEqualTo("queue-empty");
        assertThat(getJson(walker, HALL + "/tickets/" + c004.get("id").asString(), 200)
                        .get("status")
                        .asString())
                .isEqualTo("CALLED");
        postJson(clerk, HALL + "/tickets/" + c004.get("id").asString() + "/absence", null, 200);

        // the next day numbers start again
        clock().set("2026-11-24T09:00");
        assertThat(postJson(clerk, HALL + "/service-points/" + point + "/tickets", Map.of("category", "COMPANY"), 201)
                        .get("number")
                        .asString())
                .isEqualTo("C001");

        JsonNode figures = figuresOf(point, "2026-11-23", "2026-11-23");
        assertThat(figures.get("tickets").asLong()).isEqualTo(5);
        assertThat(figures.get("called").asLong()).isEqualTo(4);
        assertThat(figures.get("served").asLong()).isEqualTo(1);
        assertThat(figures.get("absent").asLong()).isEqualTo(1);
        assertThat(figures.get("arrived").asLong()).isEqualTo(2);
        // waits: C002 20, C003 35, C001 50, C004 45 minutes
        assertThat(figures.get("averageWaitMinutes").asDouble()).isEqualTo(37.5);
        assertThat(figures.get("longestWaitMinutes").asDouble()).isEqualTo(50.0);
        assertThat(figures.get("averageServiceMinutes").asDouble()).isEqualTo(15.0);
    }

    @Test
    void appointmentsPastTheirSlotWithoutArrivalAreNoShowsMarkedOnceByTwoInstances() throws Exception {
        String point = newPoint(3);
        RequestPostProcessor present = applicant(newSubject());
        RequestPostProcessor absent = applicant(newSubject());
        RequestPostProcessor late = applicant(newSubject());
        String arrived =
                book(present, point, "2026-11-24", "09:00", 201).get("id").asString();
        String missed =
                book(absent, point, "2026-11-24", "09:00", 201).get("id").asString();
        String missedToo =
                book(late, point, "2026-11-24", "10:00", 201).get("id").asString();
        String later = book(applicant(newSubject()), point, "2026-11-24", "16:30", 201)
                .get("id")
                .asString();

        clock().set("2026-11-24T08:59");
        postJson(present, HALL + "/appointments/" + arrived + "/arrival", null, 201);
        clock().set("2026-11-24T12:00");
        // begun slots are no longer cancelled or moved: a missed appointment cannot dodge its no-show
        assertThat(type(postJson(absent, HALL + "/appointments/" + missed + "/cancellation", null, 409)))
                .isEqualTo("appointment-begun");
        assertThat(type(postJson(
                        absent,
                        HALL + "/appointments/" + missed + "/rebooking",
                        Map.of("day", "2026-11-25", "starts", "09:00"),
                        409)))
                .isEqualTo("appointment-begun");
        // two instances at the same moment
        CompletableFuture<List<UUID>> one = CompletableFuture.supplyAsync(noShows::markNoShows);
        CompletableFuture<List<UUID>> two = CompletableFuture.supplyAsync(noShows::markNoShows);
        List<UUID> marked = new ArrayList<>(one.get(60, TimeUnit.SECONDS));
        marked.addAll(two.get(60, TimeUnit.SECONDS));
        marked.addAll(noShows.markNoShows());
        Set<String> mine = Set.of(arrived, missed, missedToo, later);
        List<String> markedMine =
                marked.stream().map(UUID::toString).filter(mine::contains).toList();
        assertThat(new HashSet<>(markedMine)).as("each marked once at most").hasSameSizeAs(markedMine);
        assertThat(markedMine).doesNotContain(arrived, later);
        assertThat(status(missed)).isEqualTo("NO_SHOW");
        assertThat(status(missedToo)).isEqualTo("NO_SHOW");
        assertThat(status(arrived)).isEqualTo("ARRIVED");
        assertThat(status(later)).isEqualTo("BOOKED");
        assertThat(type(postJson(late, HALL + "/appointments/" + missedToo + "/arrival", null, 409)))
                .isEqualTo("appointment-not-booked");

        JsonNode figures = figuresOf(point, "2026-11-24", "2026-11-24");
        assertThat(figures.get("appointments").asLong()).isEqualTo(4);
        assertThat(figures.get("noShows").asLong()).isEqualTo(2);
        assertThat(figures.get("arrived").asLong()).isEqualTo(1);
        getJson(supervisor(), HALL + "/statistics?from=2026-11-25&to=2026-11-24", 400);
        getJson(supervisor(), HALL + "/statistics?from=2026-11-01&to=9999-12-31", 400);
        getJson(applicant(newSubject()), HALL + "/statistics", 403);
        getJson(clerkAt(point), HALL + "/statistics", 403);
    }

    private String status(String appointment) {
        return jdbc.sql("select status from hall_appointment where id = ?::uuid")
                .param(appointment)
                .query(String.class)
                .single();
    }

    private JsonNode figuresOf(String point, String from, String to) throws Exception {
        for (JsonNode figures : getJson(supervisor(), HALL + "/statistics?from=" + from + "&to=" + to, 200)) {
            if (figures.get("servicePoint").asString().equals(point)) {
                return figures;
            }
        }
        throw new AssertionError("no figures for " + point);
    }
}
