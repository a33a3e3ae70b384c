/**
 * {@code Idempotency-Key} on submissions and supplements: {@link org.runonce.intake.idempotency.IdempotentRequests}
 * claims the key, runs the work and stores its answer in one transaction; a repeat answers the stored answer.
 */
package org.runonce.intake.idempotency;
