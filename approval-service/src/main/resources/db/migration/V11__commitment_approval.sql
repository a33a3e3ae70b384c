-- Commitment approval (告知承诺制, issue 19 item 4): cases intake accepted on the applicant's commitment, and the
-- post-approval check (事后核查) each approved one owes.

-- A case accepted on commitment: what intake's ApplicationAccepted said (the commitment, the materials it replaces).
create table commitment_case (
    case_number         text primary key,
    application_number  text        not null,
    item_code           text        not null,
    item_version        int         not null,
    department_code     text        not null,
    region              text        not null,
    committed_materials jsonb       not null,
    statement           text        not null,
    signed_at           timestamptz not null,
    taken_by            text,
    recorded_at         timestamptz not null
);

-- The check scheduled when such a case is approved: due on the department region's working-day calendar, recorded
-- once by a reviewer of the department (PASSED, or FAILED with findings: the certificate is revoked), raised as
-- overdue once by the watch when its day passed unrecorded.
create table post_approval_check (
    id                 uuid primary key,
    case_number        text        not null unique references commitment_case (case_number),
    application_number text        not null,
    item_code          text        not null,
    department_code    text        not null,
    region             text        not null,
    certificate_number text,
    decided_on         date        not null,
    due_on             date        not null,
    status             text        not null default 'SCHEDULED' check (status in ('SCHEDULED', 'PASSED', 'FAILED')),
    findings           text,
    checked_by         text,
    checked_at         timestamptz,
    overdue_at         timestamptz,
    scheduled_at       timestamptz not null,
    check ((status = 'SCHEDULED') = (checked_at is null)),
    check (status <> 'FAILED' or findings is not null)
);

create index post_approval_check_department on post_approval_check (department_code, due_on);
-- the overdue watch reads only the checks whose day has passed and that were not raised yet
create index post_approval_check_overdue_due on post_approval_check (due_on)
    where status = 'SCHEDULED' and overdue_at is null;
