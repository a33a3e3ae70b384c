package org.runonce.intake.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** Booking on the region's calendar, within capacity under concurrency, no double booking, cancel and rebook. */
class AppointmentsIT extends HallIT {

    @Test
    void theDemoPointsOfARegionAreReadWithoutAToken() throws Exception {
        JsonNode county = getJson(anonymous(), HALL + "/service-points?region=330106", 200);
        List<String> codes = new ArrayList<>();
        county.forEach(p -> codes.add(p.get("code").asString()));
        assertThat(codes)
                .contains("xihu-hall", "xihu-zhuantang", "xihu-zhuantang-shuangliu")
                .doesNotContain("hz-citizen-centre", "zj-province-hall");

        JsonNode city = getJson(anonymous(), HALL + "/service-points?region=330100", 200);
        List<String> cityCodes = new ArrayList<>();
        city.forEach(p -> cityCodes.add(p.get("code").asString()));
        assertThat(cityCodes).contains("hz-citizen-centre", "xihu-hall").doesNotContain("zj-province-hall");

        JsonNode hall = getJson(anonymous(), HALL + "/service-points/xihu-hall", 200);
        assertThat(hall.get("level").asString()).isEqualTo("COUNTY");
        assertThat(hall.at("/hours/extended/1/days").toString()).contains("TUESDAY", "THURSDAY");
        List<String> categories = new ArrayList<>();
        hall.get("categories").forEach(c -> categories.add(c.get("code").asString()));
        assertThat(categories).containsExactlyInAnyOrder("COMPREHENSIVE", "COMPANY", "REAL_ESTATE", "SOCIAL_AFFAIRS");
        assertThat(hall.toString()).contains("second-hand-home-transfer");

        getJson(anonymous(), HALL + "/service-points/nowhere", 404);
        getJson(anonymous(), HALL + "/service-points?region=33", 400);
        // the bundle finds its category: company-startup is taken by COMPANY, whose capacity is 3
        JsonNode slots = getJson(anonymous(), HALL + "/service-points/xihu-hall/slots?bundle=company-startup", 200);
        assertThat(slots).isNotEmpty();
        assertThat(slots.get(0).get("capacity").asInt()).isEqualTo(3);
    }

    @Test
    void slotsLieOnTheWorkingDaysOfTheRegionsCalendar() throws Exception {
        String point = newPoint(2);
        clock().set("2027-01-25T10:00"); // a Monday; the horizon reaches 8 February

        JsonNode slots = getJson(
                anonymous(),
                HALL + "/service-points/" + point + "/slots?category=COMPANY&from=2027-01-29&to=2027-02-08",
                200);

        // Friday: weekday and extended hours, 16 slots of 30 minutes
        assertThat(starts(slots, "2027-01-29")).hasSize(16);
        // an ordinary Saturday: the weekend hours only
        assertThat(starts(slots, "2027-01-30")).hasSize(6);
        // Sunday 31 January is a make-up working day (调休) of 330000: the working-day hours
        assertThat(starts(slots, "2027-01-31")).hasSize(16);
        // Spring Festival holidays of 330000, Saturday 6 February included: nothing
        assertThat(starts(slots, "2027-02-05")).isEmpty();
        assertThat(starts(slots, "2027-02-06")).isEmpty();
        assertThat(starts(slots, "2027-02-08")).isEmpty();
        assertThat(starts(slots, "2027-02-04")).hasSize(16);

        RequestPostProcessor applicant = applicant(newSubject());
        assertThat(type(book(applicant, point, "2027-02-05", "09:00", 422))).isEqualTo("slot-not-offered");
        assertThat(type(book(applicant, point, "2027-01-31", "09:15", 422))).isEqualTo("slot-not-offered");
        assertThat(type(book(applicant, point, "2027-02-09", "09:00", 422))).isEqualTo("slot-not-offered");
        assertThat(type(book(applicant, point, "2027-01-25", "09:30", 422))).isEqualTo("slot-not-offered");
        JsonNode booked = book(applicant, point, "2027-01-31", "09:00", 201);
        assertThat(booked.get("status").asString()).isEqualTo("BOOKED");
        assertThat(booked.get("category").asString()).isEqualTo("COMPANY");
        assertThat(free(point, "2027-01-31", "09:00")).isEqualTo(1);
    }

    @Test
    void parallelBookingsOfOneSlotNeverExceedItsCapacity() throws Exception {
        int capacity = 3;
        int applicants = 12;
        String point = newPoint(capacity);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(applicants);
        try {
            List<Future<MvcResult>> results = new ArrayList<>();
            for (int i = 0; i < applicants; i++) {
                RequestPostProcessor applicant = applicant(newSubject());
                Callable<MvcResult> booking = () -> {
                    start.await();
                    return mvc.perform(MockMvcRequestBuilders.post(HALL + "/appointments")
                                    .with(applicant)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(json.writeValueAsString(booking(point, "2026-11-24", "10:00"))))
                            .andReturn();
                };
                results.add(pool.submit(booking));
            }
            start.countDown();
            int created = 0;
            List<String> refusals = new ArrayList<>();
            for (Future<MvcResult> result : results) {
                MvcResult done = result.get(60, TimeUnit.SECONDS);
                if (done.getResponse().getStatus() == 201) {
                    created++;
                } else {
                    assertThat(done.getResponse().getStatus()).isEqualTo(409);
                    refusals.add(type(json.readTree(done.getResponse().getContentAsString())));
                }
            }
            assertThat(created).isEqualTo(capacity);
            assertThat(refusals).hasSize(applicants - capacity).containsOnly("slot-full");
        } finally {
            pool.shutdownNow();
        }
        assertThat(free(point, "2026-11-24", "10:00")).isZero();
        assertThat(jdbc.sql("select count(*) from hall_appointment where service_point_code = ? and status = 'BOOKED'")
                        .param(point)
                        .query(Long.class)
                        .single())
                .isEqualTo(capacity);
    }

    @Test
    void oneApplicantBookingTheSameTwiceInParallelGetsOneAppointment() throws Exception {
        String point = newPoint(5);
        RequestPostProcessor applicant = applicant(newSubject());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MvcResult>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String starts = i % 2 == 0 ? "09:00" : "09:30";
                results.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(MockMvcRequestBuilders.post(HALL + "/appointments")
                                    .with(applicant)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(json.writeValueAsString(booking(point, "2026-11-25", starts))))
                            .andReturn();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<MvcResult> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS).getResponse().getStatus());
            }
            assertThat(statuses)
                    .containsOnly(201, 409)
                    .filteredOn(s -> s == 201)
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(getJson(applicant, HALL + "/appointments", 200)).hasSize(1);
        assertThat(free(point, "2026-11-25", "09:00") + free(point, "2026-11-25", "09:30"))
                .isEqualTo(9);
    }

    @Test
    void anApplicantCancelsAndRebooksOnlyTheirOwnAppointments() throws Exception {
        String point = newPoint(1);
        RequestPostProcessor applicant = applicant(newSubject());
        RequestPostProcessor other = applicant(newSubject());
        String id = book(applicant, point, "2026-11-24", "09:00", 201).get("id").asString();
        String path = HALL + "/appointments/" + id;

        // the same item again, elsewhere: 409 naming the one held
        JsonNode twice = book(applicant, point, "2026-11-26", "09:00", 409);
        assertThat(type(twice)).isEqualTo("already-booked");
        assertThat(twice.get("appointment").asString()).isEqualTo(id);

        // another applicant neither sees nor changes it
        getJson(other, path, 404);
        postJson(other, path + "/cancellation", null, 404);
        postJson(other, path + "/rebooking", java.util.Map.of("day", "2026-11-25", "starts", "09:00"), 404);
        assertThat(getJson(other, HALL + "/appointments", 200)).isEmpty();

        // the other holds 2026-11-25 09:00 (capacity 1): rebooking into it fails and changes nothing
        book(other, point, "2026-11-25", "09:00", 201);
        JsonNode full =
                postJson(applicant, path + "/rebooking", java.util.Map.of("day", "2026-11-25", "starts", "09:00"), 409);
        assertThat(type(full)).isEqualTo("slot-full");
        assertThat(getJson(applicant, path, 200).get("day").asString()).isEqualTo("2026-11-24");
        assertThat(free(point, "2026-11-24", "09:00")).isZero();

        JsonNode moved =
                postJson(applicant, path + "/rebooking", java.util.Map.of("day", "2026-11-25", "starts", "14:00"), 200);
        assertThat(moved.get("day").asString()).isEqualTo("2026-11-25");
        assertThat(moved.get("starts").asString()).startsWith("14:00");
        assertThat(moved.get("rebookings").asInt()).isEqualTo(1);
        assertThat(free(point, "2026-11-24", "09:00")).isEqualTo(1);
        assertThat(free(point, "2026-11-25", "14:00")).isZero();

        JsonNode cancelled = postJson(applicant, path + "/cancellation", null, 200);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(free(point, "2026-11-25", "14:00")).isEqualTo(1);
        assertThat(type(postJson(applicant, path + "/cancellation", null, 409))).isEqualTo("appointment-not-booked");
        // cancelled, the item may be booked again
        book(applicant, point, "2026-11-26", "09:00", 201);
        assertThat(getJson(applicant, HALL + "/appointments", 200)).hasSize(2);
    }

    @Test
    void anItemNoCategoryTakesIsRefused() throws Exception {
        JsonNode refused = postJson(
                applicant(newSubject()),
                HALL + "/appointments",
                java.util.Map.of(
                        "servicePoint", "xihu-zhuantang-shuangliu",
                        "bundleCode", "company-startup",
                        "day", "2026-11-24",
                        "starts", "09:00"),
                422);
        assertThat(type(refused)).isEqualTo("not-handled-here");
        postJson(supervisor(), HALL + "/appointments", booking("xihu-hall", "2026-11-24", "09:00"), 403);
    }
}
