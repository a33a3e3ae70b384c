/**
 * Notices to applicants: from events to rendered zh-CN/en templates, one per event and channel (e-mail over SMTP,
 * SMS through a provider, in-app inbox).
 */
package org.runonce.notification.notice;
