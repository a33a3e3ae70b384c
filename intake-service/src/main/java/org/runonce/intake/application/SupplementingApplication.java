package org.runonce.intake.application;

import jakarta.validation.Validator;
import java.time.Instant;
import java.util.List;
import org.runonce.intake.completeness.FieldError;
import org.runonce.intake.idempotency.IdempotentRequests;
import org.runonce.starter.domain.Time;
import org.runonce.starter.security.Caller;
import org.springframework.stereotype.Service;

/**
 * Handing in materials: before acceptance they are checked again (a second notice only for what could not be
 * checked before); after an acceptance with deficiencies they are the missing materials, passed to the cases. Once
 * per {@code Idempotency-Key}, like a submission.
 */
@Service
public class SupplementingApplication {

    private final Validator validator;
    private final ProvisionResolver resolver;
    private final IdempotentRequests idempotent;
    private final ApplicationAccess access;
    private final ApplicationChanges changes;
    private final Time time;

    SupplementingApplication(
            Validator validator,
            ProvisionResolver resolver,
            IdempotentRequests idempotent,
            ApplicationAccess access,
            ApplicationChanges changes,
            Time time) {
        this.validator = validator;
        this.resolver = resolver;
        this.idempotent = idempotent;
        this.access = access;
        this.changes = changes;
        this.time = time;
    }

    public IdempotentRequests.Response supplement(
            String number, Requests.Supplement request, Caller caller, String idempotencyKey) {
        Instant now = time.now();
        List<FieldError> errors = SubmissionChecks.violations(validator, request);
        if (!errors.isEmpty()) {
            throw SubmissionChecks.invalid(errors, false);
        }
        Application current = access.readable(number, caller);
        ApplicationAccess.requireActor(current, caller);
        ProvisionResolver.Resolved resolved = resolver.resolve(
                request.materials(),
                current.snapshot().requirements(),
                current.snapshot().applicant(),
                caller.subject(),
                now);
        if (!resolved.errors().isEmpty()) {
            throw SubmissionChecks.invalid(resolved.errors(), resolved.forgedCertificate());
        }
        return idempotent.once(caller.subject(), idempotencyKey, "supplement:" + number, request, () -> {
            Application application = access.forUpdate(number);
            Terms terms = changes.terms(application, Actor.of(caller), now);
            ChangingApplication.atWindow(application, caller, "SUPPLEMENT", terms);
            application.supplement(resolved.provisions(), terms);
            changes.save(application, now);
            return new IdempotentRequests.Reply(200, access.view(application), null);
        });
    }
}
