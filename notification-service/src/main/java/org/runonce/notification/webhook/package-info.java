/**
 * Department-system subscriptions: signed CloudEvents over HTTP to a callback URL, only events of the subscriber's
 * department, retried with exponential backoff and jitter, a circuit breaker per endpoint, a delivery log,
 * redelivery and dead letters.
 */
package org.runonce.notification.webhook;
