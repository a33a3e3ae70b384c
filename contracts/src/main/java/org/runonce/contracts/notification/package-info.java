/**
 * Events the notification service publishes on {@link org.runonce.contracts.Topics#NOTIFICATION}, each the {@code
 * data} of a CloudEvent whose {@code type} is the record's {@code TYPE}; JSON Schemas under {@code
 * schemas/notification/}.
 */
package org.runonce.contracts.notification;
