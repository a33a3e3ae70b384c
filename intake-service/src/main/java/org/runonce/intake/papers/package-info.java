/**
 * The papers an applicant downloads, as well-formed XHTML in the applicant's language: the one-time notice
 * (一次性告知书) and the acceptance receipt (受理回执).
 */
package org.runonce.intake.papers;
