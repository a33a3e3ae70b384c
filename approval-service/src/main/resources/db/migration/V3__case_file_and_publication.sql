-- The case file (案卷): what intake's events said about an application beyond its cases, kept so reviewers and
-- department systems decide on what was filed (nothing re-keyed). Rows are written once per event and never change.

-- From ApplicationAccepted: the application form as submitted and the terms of acceptance.
create table application_file (
    application_number text primary key,
    channel            text,
    filed_by           text,
    accepted_at        timestamptz not null,
    form               jsonb       not null,
    with_deficiencies  boolean     not null,
    pledge_date        date,
    missing_materials  jsonb       not null,
    received_at        timestamptz not null
);

-- From ApplicationSupplementRequested: intake's one-time notices (一次性告知) before acceptance, in order.
create table application_notice (
    notice_number          text primary key,
    application_number     text        not null,
    second                 boolean     not null,
    acceptable_with_pledge boolean     not null,
    deficiencies           jsonb       not null,
    document_path          text,
    issued_at              timestamptz not null,
    received_at            timestamptz not null
);

create index application_notice_of_application on application_notice (application_number, issued_at);

-- Results publication (结果公示): decided cases of public items, as published. Personal data is masked when the row is
-- written (the applicant's name partly for natural persons; no ID number, contact or form data at all), so the public
-- endpoint never reads anything it could leak.
create table published_decision (
    case_number        text primary key references approval_case (number),
    application_number text        not null,
    item_code          text        not null,
    item_name_zh       text,
    item_name_en       text,
    department_code    text        not null,
    outcome            text        not null check (outcome in ('APPROVED', 'REJECTED')),
    decided_at         timestamptz not null,
    applicant_name     text        not null,
    applicant_type     text        not null,
    certificate_number text,
    certificate_type   text,
    published_at       timestamptz not null,
    -- what a search matches: the published fields only (never the unmasked name)
    search_text        text        not null
);

create index published_decision_recent on published_decision (decided_at desc, case_number);

create trigger application_file_no_delete before delete on application_file
    for each row execute function refuse_delete();
create trigger application_notice_no_delete before delete on application_notice
    for each row execute function refuse_delete();
create trigger published_decision_no_delete before delete on published_decision
    for each row execute function refuse_delete();
