/**
 * The Kafka consumers: intake and approval events, each applied once (processed-event mark in the same transaction)
 * to the webhook deliveries and the applicant notices.
 */
package org.runonce.notification.inbound;
