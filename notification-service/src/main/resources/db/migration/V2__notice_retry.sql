-- Applicant notices survive outages (issue 16, item 10): a notice whose channel failed is tried again with backoff
-- (next_attempt_at) until runonce.notification.notices.sender.retry.max-age after retry_from (creation, or the last
-- manual resend), then FAILED: listed and resent through /api/notifications/admin/notices.
alter table notice add column next_attempt_at timestamptz;
alter table notice add column retry_from timestamptz;
update notice set retry_from = created_at;
alter table notice alter column retry_from set not null;
create index notice_due on notice (next_attempt_at) where state = 'PENDING';
create index notice_failed on notice (created_at) where state = 'FAILED';

-- An event about an application whose contact is not known yet (the approval topic overtook the intake topic, or
-- intake's event is still parked): kept here, and its notices are created when the contact arrives.
create table notice_awaiting_contact (
    event_id           text primary key,
    event_type         text        not null,
    application_number text        not null,
    event              text        not null,
    received_at        timestamptz not null
);
create index notice_awaiting_contact_application on notice_awaiting_contact (application_number, received_at);
