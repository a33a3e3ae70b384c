/**
 * E-certificates (电子证照): issued by approvals as compact JWS signed by the platform key, public key set at
 * {@code /api/approval/.well-known/jwks.json}, public status and verification, revocation by the issuing department.
 */
package org.runonce.approval.certificate;
