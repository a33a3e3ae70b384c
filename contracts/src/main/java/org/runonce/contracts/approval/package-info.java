/**
 * Events the approval service publishes on {@link org.runonce.contracts.Topics#APPROVAL}, each the {@code data} of
 * a CloudEvent whose {@code type} is the record's {@code TYPE}; JSON Schemas under {@code schemas/approval/}.
 *
 * <p>Every event is about one case: the CloudEvent {@code subject} (and Kafka key) is the case number, so a case's
 * events stay ordered, and the {@code department} extension is the case's department. Case events implement
 * {@link org.runonce.contracts.approval.CaseEvent}: they all carry the application number, case number, item,
 * department, the status the case is in after the event and its {@link org.runonce.contracts.approval.CaseClock},
 * so a consumer keeping a progress view can apply any of them the same way (the latest per case wins; compare
 * {@code clock} and {@code status}, not arrival order, after a redelivery).
 *
 * <p>E-certificates are compact JWS signed by the platform key; {@link
 * org.runonce.contracts.approval.CertificateClaims} is their payload and says where the public keys are.
 */
package org.runonce.contracts.approval;
