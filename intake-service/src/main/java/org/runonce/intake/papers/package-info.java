/**
 * The papers an applicant downloads, the one-time notice (一次性告知书) and the acceptance receipt (受理回执): XHTML
 * templates under {@code papers/} filled by Thymeleaf, in Chinese and English side by side, served as XHTML or
 * rendered to PDF with an embedded Chinese font and a QR code of the application's progress URL.
 */
package org.runonce.intake.papers;
