package org.runonce.intake.hall;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.runonce.starter.domain.Refusal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The hall for portals: service points, their hours and categories, free slots. Public, no token needed. */
@RestController
@RequestMapping(path = "/api/intake/hall/service-points", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Hall", description = "Service points, opening hours, window categories, appointments and the queue")
class HallController {

    private final Hall hall;

    HallController(Hall hall) {
        this.hall = hall;
    }

    @GetMapping
    @Operation(
            summary = "Service points of a region",
            description = "Halls and township/village service points in the region and below it (330000 the"
                    + " province's, 330100 the city's, 330106 the county's with its townships and villages; none:"
                    + " all), with opening hours (working days, extended 错时延时, weekends) and window categories.")
    List<ServicePoint> points(@RequestParam(required = false) String region) {
        return hall.points(region);
    }

    @GetMapping("/{code}")
    @Operation(
            summary = "A service point",
            description = "Its region, address, opening hours, slot length and window categories with the items"
                    + " and bundles each takes ('*': any).")
    ServicePoint point(@PathVariable String code) {
        return hall.point(code);
    }

    @GetMapping("/{code}/slots")
    @Operation(
            summary = "Free appointment slots",
            description = "Slots of a window category (named, or the one taking `item` or `bundle`) from `from` to"
                    + " `to` (default: today to the end of the booking horizon): the point's hours on the working"
                    + " days of its region's calendar (make-up working days included, holidays never), weekend"
                    + " hours on other Saturdays and Sundays; each with its capacity and free places.")
    List<FreeSlot> slots(
            @PathVariable String code,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String bundle,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ServicePoint point = hall.point(code);
        Category chosen;
        if (item != null || bundle != null) {
            if (item != null && bundle != null) {
                throw Refusal.invalid("name an item or a bundle, not both");
            }
            chosen = point.categoryFor(new Matter(item, bundle), category);
        } else if (category != null) {
            chosen = point.category(category).orElseThrow(() -> Refusal.notFound("Window category", category));
        } else {
            throw Refusal.invalid("name a category, an item or a bundle");
        }
        return hall.freeSlots(point, chosen, from, to);
    }
}
