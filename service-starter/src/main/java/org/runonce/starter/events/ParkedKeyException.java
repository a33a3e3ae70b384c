package org.runonce.starter.events;

/**
 * Thrown by {@link ProcessedEvents} for a record whose key (aggregate) is parked behind a dead letter: applying it now
 * would apply the aggregate's events out of order. The error handler parks it too, without retries and without a copy
 * on the dead-letter topic; it is applied when the key is replayed.
 */
class ParkedKeyException extends RuntimeException {

    ParkedKeyException(String message) {
        super(message, null, false, false);
    }
}
