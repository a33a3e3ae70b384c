package org.runonce.starter.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/<service>/admin/parked-events}: the dead letters of this service's consumers and the records parked
 * behind them, to list, inspect, replay and discard. Roles: {@code runonce.security.admin-roles}.
 */
@RestController
@RequestMapping(path = "${runonce.service.api-path}/admin/parked-events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dead letters", description = "Records a consumer gave up on, and the records of their keys parked behind")
class ParkedEventsController {

    /**
     * A parked record without its content.
     *
     * @param kind {@code DEAD_LETTER} (could not be processed) or {@code WAITING} (behind a dead letter of its key)
     * @param state {@code PARKED}, {@code APPLIED} (replayed) or {@code DISCARDED}
     * @param error the innermost cause of the failure
     */
    record Summary(
            UUID id,
            String group,
            String topic,
            int partition,
            long offset,
            String key,
            String kind,
            String state,
            String error,
            int attempts,
            Instant parkedAt,
            Instant replayedAt,
            Instant resolvedAt,
            String resolvedBy) {

        static Summary of(ParkedEvents.Parked p) {
            return new Summary(
                    p.id(),
                    p.group(),
                    p.topic(),
                    p.partition(),
                    p.offset(),
                    p.key(),
                    p.kind(),
                    p.state(),
                    p.error(),
                    p.attempts(),
                    p.parkedAt(),
                    p.replayedAt(),
                    p.resolvedAt(),
                    p.resolvedBy());
        }
    }

    /** A parked record with its content (the CloudEvent JSON as it was consumed). */
    record Detail(Summary record, String contentType, String value) {}

    /** What a replay republished, oldest first. */
    record Replay(List<UUID> replayed) {}

    private final ParkedEvents parked;

    ParkedEventsController(ParkedEvents parked) {
        this.parked = parked;
    }

    @GetMapping
    @Operation(summary = "Parked records, oldest first; all=true also lists applied and discarded ones")
    List<Summary> list(
            @RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw Refusal.invalid("limit must be between 1 and 1000");
        }
        return parked.list(all, limit).stream().map(Summary::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One parked record with its content")
    Detail detail(@PathVariable UUID id) {
        var p = parked.find(id).orElseThrow(() -> Refusal.notFound("parked-event", id));
        return new Detail(Summary.of(p), p.contentType(), p.valueText());
    }

    @PostMapping("/{id}/replay")
    @Operation(
            summary = "Republish the parked records of this record's key to their topic, oldest first; each is applied"
                    + " when all before it are")
    Replay replay(@PathVariable UUID id) {
        var p = parked.find(id).orElseThrow(() -> Refusal.notFound("parked-event", id));
        if (!ParkedEvents.PARKED.equals(p.state())) {
            throw Refusal.conflict("not-parked", "Not parked", "record " + id + " is " + p.state());
        }
        return new Replay(parked.replay(id));
    }

    @PostMapping("/{id}/discard")
    @Operation(summary = "Give up a parked record for good; the records behind it still wait for a replay")
    Summary discard(@PathVariable UUID id, Caller caller) {
        var p = parked.find(id).orElseThrow(() -> Refusal.notFound("parked-event", id));
        if (!parked.discard(id, caller.username())) {
            throw Refusal.conflict("not-parked", "Not parked", "record " + id + " is " + p.state());
        }
        return Summary.of(parked.find(id).orElseThrow());
    }
}
