-- The approval service's own tables. Versions 0.x belong to the service starter (event publication registry,
-- processed events).

-- ---------------------------------------------------------------------------------------------------------------
-- Local copy of the catalog, kept from runonce.catalog.v1 (no synchronous call to the catalog).
-- ---------------------------------------------------------------------------------------------------------------

-- Published item versions: the event's data as it came (content immutable), validity may only shorten (retired).
create table catalog_item_version (
    item_code       text        not null,
    version         integer     not null,
    department_code text        not null,
    handling_mode   text        not null,
    valid_from      date        not null,
    valid_to        date,
    content         jsonb       not null,
    received_at     timestamptz not null,
    primary key (item_code, version)
);

create table catalog_calendar (
    region               text        not null,
    year                 integer     not null,
    revision             integer     not null,
    holidays             date[]      not null,
    make_up_working_days date[]      not null,
    received_at          timestamptz not null,
    primary key (region, year)
);

create table catalog_department (
    code        text primary key,
    revision    integer     not null,
    region_code text        not null,
    name_zh     text        not null,
    name_en     text        not null,
    received_at timestamptz not null
);

-- ---------------------------------------------------------------------------------------------------------------
-- Cases
-- ---------------------------------------------------------------------------------------------------------------

create table approval_case (
    number                     text primary key,
    application_number         text        not null,
    bundle_code                text,
    item_code                  text        not null,
    item_version               integer     not null,
    item_name_zh               text,
    item_name_en               text,
    department_code            text        not null,
    region                     text        not null,
    handling_mode              text        not null,
    applicant                  jsonb       not null,
    status                     text        not null check (status in ('WAITING', 'PENDING', 'IN_REVIEW',
        'SUPPLEMENT_REQUESTED', 'SUSPENDED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    -- the item version's procedure as the case was opened with it (pinned), and where the case stands in it
    steps                      jsonb       not null,
    step_index                 integer     not null,
    assignee                   text,
    assigned_at                timestamptz,
    accepted_at                timestamptz not null,
    opened_at                  timestamptz not null,
    -- the clock (working days on the region's calendar)
    promised_days              integer     not null check (promised_days >= 0),
    started_on                 date,
    suspended_days             integer     not null default 0 check (suspended_days >= 0),
    paused_since               date,
    pause_kind                 text,
    stopped_on                 date,
    warned_at                  timestamptz,
    overdue_at                 timestamptz,
    -- supplements: one, a second only with a head's approval
    supplement_count           integer     not null default 0 check (supplement_count between 0 and 2),
    second_supplement_approver text,
    second_supplement_reason   text,
    second_supplement_at       timestamptz,
    -- the decision
    outcome                    text check (outcome in ('APPROVED', 'REJECTED')),
    decision_reason            text,
    legal_basis                text,
    decided_at                 timestamptz,
    decided_by                 text,
    at_window                  boolean     not null default false,
    delegation_id              bigint,
    days_used                  integer,
    on_time                    boolean,
    certificate_number         text,
    withdrawn_at               timestamptz,
    withdrawal_reason          text,
    check (outcome is null or (decided_at is not null and decided_by is not null)),
    check (outcome is distinct from 'REJECTED' or (decision_reason is not null and legal_basis is not null))
);

create index approval_case_queue on approval_case (department_code, status);
create index approval_case_application on approval_case (application_number);
create index approval_case_open_clocks on approval_case (started_on)
    where stopped_on is null and started_on is not null;

create table case_dependency (
    case_number text not null references approval_case (number),
    depends_on  text not null,
    primary key (case_number, depends_on)
);

create index case_dependency_reverse on case_dependency (depends_on);

create table case_material (
    id                 bigserial primary key,
    case_number        text        not null references approval_case (number),
    code               text        not null,
    document_id        text,
    certificate_number text,
    produced_by_case   text,
    attached_at        timestamptz not null
);

create index case_material_case on case_material (case_number);

create table case_supplement (
    case_number         text        not null references approval_case (number),
    request_number      integer     not null check (request_number in (1, 2)),
    requested_at        timestamptz not null,
    requested_by        text        not null,
    reason              text        not null,
    materials           jsonb       not null,
    second_approved_by  text,
    second_approval     text,
    flagged             boolean     not null,
    received_at         timestamptz,
    received_by         text,
    primary key (case_number, request_number)
);

-- Every time the clock stood still: special procedures and supplements.
create table case_pause (
    case_number   text        not null references approval_case (number),
    seq           integer     not null,
    kind          text        not null check (kind in ('SUPPLEMENT', 'SITE_INSPECTION', 'EXPERT_REVIEW',
        'PUBLIC_NOTICE')),
    reason        text        not null,
    started_on    date        not null,
    started_at    timestamptz not null,
    expected_days integer,
    expected_end  date,
    ended_on      date,
    ended_at      timestamptz,
    working_days  integer,
    primary key (case_number, seq)
);

-- Cases are never deleted (nothing deletable): closed cases stay with their decision or withdrawal.
create function refuse_delete() returns trigger
    language plpgsql as
$$
begin
    raise exception '% rows cannot be deleted', tg_table_name using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger approval_case_no_delete before delete on approval_case
    for each row execute function refuse_delete();
create trigger case_material_no_delete before delete on case_material
    for each row execute function refuse_delete();
create trigger case_supplement_no_delete before delete on case_supplement
    for each row execute function refuse_delete();
create trigger case_pause_no_delete before delete on case_pause
    for each row execute function refuse_delete();
create trigger case_dependency_no_delete before delete on case_dependency
    for each row execute function refuse_delete();

-- ---------------------------------------------------------------------------------------------------------------
-- Window decisions (授权到位): named window clerks a department authorized to decide IMMEDIATE items on the spot
-- ---------------------------------------------------------------------------------------------------------------

create table window_delegation (
    id                bigserial primary key,
    department_code   text        not null,
    clerk             text        not null,
    item_code         text,
    reason            text        not null,
    granted_by        text        not null,
    granted_at        timestamptz not null,
    valid_until       date,
    revoked_by        text,
    revoked_at        timestamptz,
    revocation_reason text
);

create index window_delegation_clerk on window_delegation (clerk, department_code);

create trigger window_delegation_no_delete before delete on window_delegation
    for each row execute function refuse_delete();

-- ---------------------------------------------------------------------------------------------------------------
-- E-certificates
-- ---------------------------------------------------------------------------------------------------------------

-- Public keys of every platform signing key (rotation: old ones stay until retired so old certificates verify);
-- the private part only for keys generated locally (a configured key stays in its file).
create table signing_key (
    kid         text primary key,
    algorithm   text        not null,
    public_jwk  text        not null,
    private_jwk text,
    source      text        not null check (source in ('CONFIGURED', 'GENERATED')),
    created_at  timestamptz not null,
    retired_at  timestamptz
);

create sequence certificate_number_seq;

create table certificate (
    number             text primary key,
    certificate_type   text        not null,
    name_zh            text,
    name_en            text,
    application_number text        not null,
    case_number        text        not null unique references approval_case (number),
    item_code          text        not null,
    department_code    text        not null,
    holder             jsonb       not null,
    content            jsonb       not null,
    issued_at          timestamptz not null,
    valid_until        date,
    kid                text        not null references signing_key (kid),
    jws                text        not null,
    revoked_at         timestamptz,
    revoked_by         text,
    revocation_reason  text
);

create trigger certificate_no_delete before delete on certificate
    for each row execute function refuse_delete();

-- ---------------------------------------------------------------------------------------------------------------
-- Audit trail: append-only, hash-chained per case
-- ---------------------------------------------------------------------------------------------------------------

-- hash = SHA-256 over the entry's canonical content and prev_hash (see AuditTrail); the first entry of a case has
-- prev_hash = 64 zeros.
create table audit_entry (
    case_number text        not null,
    seq         integer     not null check (seq >= 1),
    actor       text        not null,
    action      text        not null,
    reason      text,
    at          timestamptz not null,
    payload     text        not null,
    prev_hash   text        not null,
    hash        text        not null,
    primary key (case_number, seq)
);

create function audit_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'the audit trail is append-only: % refused', tg_op using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_append_only();
