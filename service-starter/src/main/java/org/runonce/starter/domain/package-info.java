/**
 * What domain code of every service may use and that knows nothing of Spring or HTTP: {@link
 * org.runonce.starter.domain.Refusal} (answered as an RFC 9457 problem by the starter's web layer) and {@link
 * org.runonce.starter.domain.Time} (the clock and the platform's zone).
 */
package org.runonce.starter.domain;
