/**
 * Events the intake service publishes on {@link org.runonce.contracts.Topics#INTAKE}, each the {@code data} of a
 * CloudEvent whose {@code type} is the record's {@code TYPE}; JSON Schemas under {@code schemas/intake/}.
 *
 * <p>Every event is about one application: the CloudEvent {@code subject} (and Kafka key) is the application number
 * ({@code <region>-<year>-<sequence>}, e.g. {@code 330000-2026-000123}), so an application's events stay ordered. The
 * {@code department} extension is absent: an application spans departments; {@link
 * org.runonce.contracts.intake.ApplicationAccepted} lists each case with its department.
 *
 * <p>Events an applicant should hear about ({@code supplement-requested}, {@code accepted}, {@code refused},
 * {@code completed}, {@code result-delivered}, ...) carry the {@link org.runonce.contracts.intake.Applicant} with
 * locale and contact details, so a notifier needs no call back to intake.
 */
package org.runonce.contracts.intake;
