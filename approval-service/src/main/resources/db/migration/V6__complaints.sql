-- Issue 18, item 1: complaints (投诉). A complaint about an application, a case, a department or a window, filed by an
-- applicant (token subject), anonymously with a contact (then followed with an access code whose SHA-256 is kept), or
-- recorded by a window clerk; handled by one department within a limit of working days, replied to, escalated to the
-- supervisors by the complainant or, when overdue, by the complaint watch.
create sequence complaint_number_seq;

create table complaint (
    number              text primary key,
    filed_at            timestamptz not null,
    channel             text        not null check (channel in ('ONLINE', 'WINDOW', 'PHONE')),
    about_kind          text        not null check (about_kind in ('APPLICATION', 'CASE', 'DEPARTMENT', 'WINDOW')),
    about_reference     text        not null,
    description         text        not null,
    -- the applicant who filed it (token subject), or null: then a contact and an access code
    complainant         text,
    contact_name        text,
    contact_phone       text,
    contact_email       text,
    access_code_hash    text,
    recorded_by         text,
    check (complainant is not null or (access_code_hash is not null
        and (contact_phone is not null or contact_email is not null))),
    -- null until a supervisor assigns it when neither the complainant nor the case named it
    department_code     text,
    region              text,
    limit_days          integer     not null check (limit_days >= 1),
    clock_started_on    date,
    due_on              date,
    overdue_on          date,
    status              text        not null check (status in ('OPEN', 'REPLIED', 'ESCALATED', 'RESOLVED')),
    reply               text,
    replied_by          text,
    replied_at          timestamptz,
    escalated_by        text,
    escalated_at        timestamptz,
    escalation_reason   text,
    escalation_note     text,
    overdue_at          timestamptz,
    resolution          text,
    resolved_by         text,
    resolved_at         timestamptz
);

create index complaint_department on complaint (department_code, filed_at desc);
create index complaint_complainant on complaint (complainant, filed_at desc) where complainant is not null;
-- the complaint watch reads only unreplied complaints whose overdue day has come and whose event is not raised yet
create index complaint_overdue_due on complaint (overdue_on) where overdue_at is null and replied_at is null;

-- What happened to a complaint, in order: only ever added to.
create table complaint_record (
    complaint_number text        not null references complaint (number),
    seq              integer     not null check (seq >= 1),
    at               timestamptz not null,
    actor            text        not null,
    action           text        not null,
    note             text,
    primary key (complaint_number, seq)
);

create trigger complaint_record_append_only before update or delete on complaint_record
    for each row execute function audit_append_only();
create trigger complaint_record_no_truncate before truncate on complaint_record
    for each statement execute function audit_append_only();
