/**
 * Results publication (结果公示): decided cases of public items, written when the decision commits, with the applicant's
 * name masked (natural persons partly; no ID number, contact or form data at all), served on a public, paged,
 * searchable endpoint. The catalog marks no item public, so an item kind stands for it
 * ({@code runonce.approval.publication.kinds}, LICENCE by default).
 */
package org.runonce.approval.publication;
