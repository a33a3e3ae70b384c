package org.runonce.intake.document;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
        var problem = Documents.tooLarge(-1, documents.maxSize());
        return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
    }
}
