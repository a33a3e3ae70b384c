/**
 * Accountability (问责) of electronic supervision (电子监察): records opened automatically, once each, when a case
 * passes its promised time, a second supplement is requested, a bad rating is not followed up by its due date, or an
 * application is withdrawn or returned without the applicant's confirmation; each owned by the heads of its
 * department, who resolve it with an explanation. Also keeps what supervision needs of intake's events per department
 * (ratings, visits).
 */
package org.runonce.approval.accountability;
