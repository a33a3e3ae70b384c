-- Issue 18, item 2: first-inquiry responsibility (首问负责制). An inquiry (咨询) is owned by whoever received it (a window
-- clerk or a department's reviewer) until it is answered or handed over to a named owner; an online inquiry waits in
-- the department it is addressed to until one of its staff takes it. Unanswered past its limit of working days, it is
-- raised once as overdue.
create sequence inquiry_number_seq;

create table inquiry (
    number            text primary key,
    received_at       timestamptz not null,
    channel           text        not null check (channel in ('ONLINE', 'WINDOW', 'PHONE')),
    question          text        not null,
    -- the applicant who asked (token subject), or null: then a contact and an access code
    inquirer          text,
    contact_name      text,
    contact_phone     text,
    contact_email     text,
    access_code_hash  text,
    check (inquirer is not null or (access_code_hash is not null
        and (contact_phone is not null or contact_email is not null))),
    received_by       text,
    -- the owner now (null: an online inquiry no one has taken yet) and the department responsible (the owner's, or
    -- the one an online inquiry is addressed to; null for a window clerk of the hall)
    owner             text,
    owner_since       timestamptz,
    department_code   text,
    region            text        not null,
    limit_days        integer     not null check (limit_days >= 1),
    due_on            date        not null,
    overdue_on        date        not null,
    status            text        not null check (status in ('OPEN', 'ANSWERED')),
    answer            text,
    answered_by       text,
    answered_at       timestamptz,
    overdue_at        timestamptz
);

create index inquiry_department on inquiry (department_code, received_at desc);
create index inquiry_owner on inquiry (owner, received_at desc);
create index inquiry_inquirer on inquiry (inquirer, received_at desc) where inquirer is not null;
create index inquiry_overdue_due on inquiry (overdue_on) where overdue_at is null and answered_at is null;

-- Who owned an inquiry when, and why it changed hands: received, taken, handed over; only ever added to.
create table inquiry_handover (
    inquiry_number  text        not null references inquiry (number),
    seq             integer     not null check (seq >= 1),
    at              timestamptz not null,
    from_owner      text,
    from_department text,
    to_owner        text        not null,
    to_department   text,
    reason          text        not null,
    primary key (inquiry_number, seq)
);

create trigger inquiry_handover_append_only before update or delete on inquiry_handover
    for each row execute function audit_append_only();
create trigger inquiry_handover_no_truncate before truncate on inquiry_handover
    for each statement execute function audit_append_only();
