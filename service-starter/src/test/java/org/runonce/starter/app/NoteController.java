package org.runonce.starter.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.runonce.starter.domain.Refusal;
import org.runonce.starter.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NoteController {

    private static final Logger log = LoggerFactory.getLogger(NoteController.class);

    record NewNote(
            @NotBlank @Size(max = 10) String id,
            @NotBlank String text,
            @Max(5) int priority) {}

    /** A value that refuses itself in its constructor, as domain records do. */
    record Label(String text) {
        Label {
            if (text != null && text.contains("#")) {
                throw Refusal.badRequest("label-invalid", "Invalid label", "a label has no '#'")
                        .with("label", text);
            }
        }
    }

    private final Notes notes;

    NoteController(Notes notes) {
        this.notes = notes;
    }

    @PostMapping("/api/test/notes")
    @ResponseStatus(HttpStatus.CREATED)
    String create(@Valid @RequestBody NewNote note, Caller caller) {
        log.info("{} creates note {}", caller.username(), note.id());
        return notes.create(note.id(), note.text()).id();
    }

    /** A query bound to a record, as the services' list filters are. */
    record NoteQuery(Integer page, Boolean open) {}

    @GetMapping("/api/test/notes")
    String list(NoteQuery query) {
        return "page " + query.page();
    }

    @GetMapping("/api/test/notes/{number}")
    String byNumber(@PathVariable long number) {
        throw new Refusal(404, "note-not-found", "Note not found", "No note " + number).with("number", number);
    }

    @PostMapping("/api/test/labels")
    String label(@RequestBody Label label) {
        return label.text();
    }

    /** This request's URL as the service sees it (behind the gateway: the caller's, from X-Forwarded-*). */
    @GetMapping("/api/test/public/self")
    String self() {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest()
                .toUriString();
    }

    @GetMapping("/api/test/public/hello")
    String hello() {
        return "hello";
    }

    @GetMapping("/api/test/supervision")
    @PreAuthorize("hasRole('supervisor')")
    String supervision() {
        return "overdue: 0";
    }

    @GetMapping("/api/test/boom")
    String boom() {
        throw new IllegalStateException("secret internals");
    }

    /** What JDBC throws when every connection of the pool stayed taken for the pool's whole timeout. */
    @GetMapping("/api/test/busy")
    String busy() {
        throw new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new java.sql.SQLTransientConnectionException("pool exhausted"));
    }
}
