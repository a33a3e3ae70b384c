/**
 * Applications: submission online or at a window, the completeness check against the pinned item versions, the
 * one-time notice, acceptance (with deficiencies), refusal, the split into cases, visits, progress across
 * departments, result delivery, evaluation and the supervisors' statistics.
 */
package org.runonce.intake.application;
