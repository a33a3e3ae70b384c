/**
 * E-certificates referenced as materials: compact JWS signed by the platform key, verified with the approval
 * service's public JWK Set (fetched and cached, never called per submission once cached).
 */
package org.runonce.intake.certificate;
