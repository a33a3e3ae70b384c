package org.runonce.intake.document;

import org.runonce.starter.domain.Refusal;
import org.runonce.starter.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** An upload the servlet container stopped for its size gets the same problem as one intake measured. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private final Documents documents;

    UploadLimitAdvice(Documents documents) {
        this.documents = documents;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
        Refusal refusal = Documents.tooLarge(-1, documents.maxSize());
        ProblemDetail problem = Problems.of(
                HttpStatusCode.valueOf(refusal.status()), refusal.slug(), refusal.title(), refusal.detail());
        refusal.members().forEach(problem::setProperty);
        return ResponseEntity.status(refusal.status()).body(problem);
    }
}
