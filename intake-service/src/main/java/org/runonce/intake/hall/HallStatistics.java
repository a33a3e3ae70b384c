package org.runonce.intake.hall;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.runonce.starter.domain.Time;
import org.springframework.stereotype.Component;

/** Waiting and no-show figures per service point over a period, for supervisors (效能监察). */
@Component
class HallStatistics {

    /**
     * @param servicePoint the point
     * @param name its Chinese name
     * @param appointments appointments for days in the period
     * @param cancelled of those, cancelled
     * @param arrived of those, checked in
     * @param noShows of those, no-shows (slot passed without arrival)
     * @param tickets queue tickets taken in the period
     * @param called of those, called to a window
     * @param served of those, served
     * @param absent of those, absent when called
     * @param averageWaitMinutes mean minutes from taking a ticket to being called
     * @param longestWaitMinutes longest of those waits
     * @param averageServiceMinutes mean minutes from being called to served
     */
    @Schema(name = "HallFigures")
    record HallFigures(
            @Schema(example = "xihu-hall") String servicePoint,
            @Schema(example = "西湖区行政服务中心") String name,
            long appointments,
            long cancelled,
            long arrived,
            long noShows,
            long tickets,
            long called,
            long served,
            long absent,
            Double averageWaitMinutes,
            Double longestWaitMinutes,
            Double averageServiceMinutes) {}

    private final HallStore store;
    private final Time time;

    HallStatistics(HallStore store, Time time) {
        this.store = store;
        this.time = time;
    }

    List<HallFigures> of(LocalDate from, LocalDate to) {
        Map<String, Map<String, Object>> figures = store.figures(
                from,
                to,
                from.atStartOfDay(time.zone()).toInstant(),
                to.plusDays(1).atStartOfDay(time.zone()).toInstant());
        Map<String, String> names = new java.util.HashMap<>();
        store.points("").forEach(p -> names.put(p.code(), p.nameZh()));
        return figures.entrySet().stream()
                .map(e -> {
                    Map<String, Object> f = e.getValue();
                    return new HallFigures(
                            e.getKey(),
                            names.get(e.getKey()),
                            (Long) f.get("appointments"),
                            (Long) f.get("cancelled"),
                            (Long) f.get("arrived"),
                            (Long) f.get("no_shows"),
                            (Long) f.get("tickets"),
                            (Long) f.get("called"),
                            (Long) f.get("served"),
                            (Long) f.get("absent"),
                            (Double) f.get("average_wait"),
                            (Double) f.get("longest_wait"),
                            (Double) f.get("average_service"));
                })
                .toList();
    }
}
