package org.runonce.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runonce.contracts.TestIds;
import org.runonce.localstack.LocalPlatform;
import tools.jackson.databind.JsonNode;

/**
 * The hall's journey at a township service point for a county item (就近办), through the gateway only, with the real
 * Keycloak: li.si books a slot at Zhuantang (xihu-zhuantang, 330106013) for the county's elderly allowance (Xihu
 * District civil affairs, XHCA, 330106), takes a ticket on arrival, is called and served by the point's clerk
 * (clerk.sun), who files the application naming the ticket: accepted in the point's region, handled by the county;
 * the county's reviewer (reviewer.xhca) decides it, and li.si's application shows the result and one visit. A clerk of
 * another point (clerk.wang, xihu-hall) neither sees, serves nor files on that ticket.
 */
@ExtendWith(SharedPlatform.class)
class HallJourneyIT {

    static final Duration EVENTUALLY = Duration.ofSeconds(90);
    static final String HALL = "/api/intake/hall";
    static final String POINT = "xihu-zhuantang";
    static final String ITEM = "xh-elderly-allowance";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai"); // runonce.zone, the platform's default

    static Portal portal;

    @BeforeAll
    static void portal(LocalPlatform platform) {
        portal = new Portal(platform);
    }

    @Test
    void bookedArrivedServedAtATownshipPointForACountyItemDecidedByTheCountyInOneVisit() throws Exception {
        String applicant = portal.token("li.si");
        String subject = portal.subjectOf(applicant);
        String clerk = portal.token("clerk.sun");
        String otherClerk = portal.token("clerk.wang");

        // 1. li.si books the first free slot of the point's comprehensive window for the county's item
        JsonNode slot = firstFreeSlot(applicant);
        Map<String, Object> booking = new LinkedHashMap<>();
        booking.put("servicePoint", POINT);
        booking.put("itemCode", ITEM);
        booking.put("day", slot.path("day").asString());
        booking.put("starts", slot.path("starts").asString());
        JsonNode appointment = bookOnceTheCatalogArrived(applicant, booking);
        assertThat(appointment.path("category").asString()).isEqualTo("COMPREHENSIVE");
        String appointmentId = appointment.path("id").asString();

        // 2. she arrives. The platform runs on the wall clock and the point opens on working days' office hours only,
        // so her slot is moved to this moment in intake's database: check-in allows from an hour before a slot
        nowIsTheSlotOf(appointmentId);
        assertThat(portal.gateway
                        .post(HALL + "/appointments/" + appointmentId + "/arrival", otherClerk, null)
                        .status())
                .as("another point's clerk does not check her in")
                .isEqualTo(404);
        JsonNode ticket = portal.gateway
                .post(HALL + "/appointments/" + appointmentId + "/arrival", applicant, null)
                .json(201);
        String ticketId = ticket.path("id").asString();
        assertThat(ticket.path("number").asString()).startsWith("A");

        // 3. clerk.sun calls her to a window; clerk.wang (xihu-hall) can neither see nor call nor serve at Zhuantang
        assertThat(portal.gateway
                        .post(
                                HALL + "/service-points/" + POINT + "/queue/COMPREHENSIVE/calls",
                                otherClerk,
                                Map.of("window", "9"))
                        .status())
                .isEqualTo(403);
        assertThat(portal.gateway
                        .get(HALL + "/service-points/" + POINT + "/queue", otherClerk)
                        .status())
                .isEqualTo(403);
        JsonNode called = portal.gateway
                .post(HALL + "/service-points/" + POINT + "/queue/COMPREHENSIVE/calls", clerk, Map.of("window", "1"))
                .json(200);
        assertThat(called.path("id").asString()).isEqualTo(ticketId);
        assertThat(portal.gateway.get(HALL + "/tickets/" + ticketId, otherClerk).status())
                .isEqualTo(404);
        assertThat(portal.gateway
                        .post(HALL + "/tickets/" + ticketId + "/served", otherClerk, null)
                        .status())
                .isEqualTo(404);

        // 4. clerk.sun files the application at the window naming the ticket (no region: the point's)
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("itemCode", ITEM);
        submission.put("applicant", liSi());
        submission.put("identityCheck", Portal.idCardRead());
        submission.put("form", Map.of("community", "转塘街道双流村"));
        submission.put("ticket", ticketId);
        submission.put("materials", portal.documents(clerk, subject, List.of("ID_CARD")));
        Map<String, Object> byTheOtherClerk = new LinkedHashMap<>(submission);
        byTheOtherClerk.put("materials", portal.documents(otherClerk, subject, List.of("ID_CARD")));
        assertThat(portal.gateway
                        .post(Portal.APPLICATIONS, otherClerk, byTheOtherClerk, Portal.idempotencyKey())
                        .status())
                .as("another point's clerk cannot file on the ticket")
                .isEqualTo(404);
        JsonNode accepted = portal.gateway
                .post(Portal.APPLICATIONS, clerk, submission, Portal.idempotencyKey())
                .json(201);
        String number = accepted.path("number").asString();
        assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(number).startsWith("330106013-");
        assertThat(accepted.path("acceptingRegion").asString()).isEqualTo("330106013");
        assertThat(accepted.path("region").asString()).isEqualTo("330106");
        assertThat(accepted.path("cases").get(0).path("departmentCode").asString())
                .isEqualTo("XHCA");
        JsonNode served = portal.gateway
                .post(HALL + "/tickets/" + ticketId + "/served", clerk, null)
                .json(200);
        assertThat(served.path("status").asString()).isEqualTo("SERVED");

        // 5. the county's reviewer decides the case
        String reviewer = portal.token("reviewer.xhca");
        String caseNumber = accepted.path("cases").get(0).path("caseNumber").asString();
        await().atMost(EVENTUALLY)
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        portal.gateway.get(Portal.CASES + caseNumber, reviewer).status() == 200);
        assertThat(portal.gateway
                        .get(Portal.CASES + caseNumber, portal.token(Portal.reviewerOf("SAMR")))
                        .status())
                .isIn(403, 404);
        portal.approve(reviewer, caseNumber, Map.of("reason", "符合高龄津贴发放条件"));

        // 6. li.si sees the result and one visit: the ticket's trip
        JsonNode done = portal.awaitApplication(
                applicant, number, a -> a.path("status").asString().equals("COMPLETED"), EVENTUALLY);
        assertThat(done.path("cases").get(0).path("status").asString()).isEqualTo("APPROVED");
        assertThat(done.path("visits").asInt()).isEqualTo(1);
        assertThat(done.path("multipleVisits").asBoolean()).isFalse();
        assertThat(done.path("visitLog").findValuesAsString("ticket")).containsOnly(ticketId);
        assertThat(portal.gateway
                        .get(HALL + "/tickets/" + ticketId, applicant)
                        .json(200)
                        .path("status")
                        .asString())
                .isEqualTo("SERVED");
    }

    /** li.si at the window: her verified name, an identity number the clerk read, no account named (the ticket's). */
    private static Map<String, Object> liSi() {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", "李四");
        person.put("type", "NATURAL_PERSON");
        person.put("idNumber", TestIds.residentId());
        person.put("locale", "zh-CN");
        person.put("email", Portal.uniqueMailAddress("li.si"));
        return person;
    }

    private static JsonNode firstFreeSlot(String token) {
        for (JsonNode slot : portal.gateway
                .get(HALL + "/service-points/" + POINT + "/slots?category=COMPREHENSIVE", token)
                .json(200)) {
            if (slot.path("free").asInt() > 0) {
                return slot;
            }
        }
        throw new AssertionError("no free slot at " + POINT + " in the booking horizon");
    }

    /** Books once intake's catalog copy has the item (422 unknown-matter until the catalog reached intake). */
    private static JsonNode bookOnceTheCatalogArrived(String token, Map<String, Object> booking) {
        Http.Response[] answer = {null};
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    answer[0] = portal.gateway.post(HALL + "/appointments", token, booking);
                    return !(answer[0].status() == 422 && answer[0].body().contains("unknown-matter"));
                });
        return answer[0].json(201);
    }

    /** The appointment's slot becomes the current half hour, begun a minute ago, in intake's database. */
    private static void nowIsTheSlotOf(String appointment) throws Exception {
        LocalDateTime starts = LocalDateTime.now(ZONE).minusMinutes(1).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime ends = starts.plusMinutes(30);
        try (Connection connection = DriverManager.getConnection(
                        portal.platform.jdbcUrl("intake"),
                        portal.platform.postgres().username(),
                        portal.platform.postgres().password());
                PreparedStatement update = connection.prepareStatement(
                        "update hall_appointment set day = ?, starts = ?, ends = ?, ends_at = ? where id = ?")) {
            update.setObject(1, starts.toLocalDate());
            update.setObject(2, starts.toLocalTime());
            update.setObject(3, ends.toLocalTime());
            update.setTimestamp(4, Timestamp.from(ends.atZone(ZONE).toInstant()));
            update.setObject(5, UUID.fromString(appointment));
            assertThat(update.executeUpdate()).isOne();
        }
    }
}
