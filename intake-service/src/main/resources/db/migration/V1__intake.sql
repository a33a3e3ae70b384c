-- Intake's own tables. Versions 0.x belong to the service starter (event publication registry, processed events).

-- The local copy of the catalog, kept from runonce.catalog.v1. Every event carries full state with a version or
-- revision: the highest wins, so redeliveries and reordering are harmless.
create table catalog_department (
    code     text primary key,
    revision integer not null,
    content  jsonb   not null
);

create table catalog_item_version (
    item_code       text    not null,
    version         integer not null,
    department_code text    not null,
    valid_from      date    not null,
    valid_to        date,
    content         jsonb   not null,
    primary key (item_code, version)
);

create table catalog_bundle (
    code    text primary key,
    version integer not null,
    content jsonb   not null
);

create table catalog_calendar (
    region               text    not null,
    year                 integer not null,
    revision             integer not null,
    demo                 boolean not null,
    holidays             date[]  not null,
    make_up_working_days date[]  not null,
    primary key (region, year)
);

-- Uploaded documents: metadata here, bytes behind the DocumentStore interface (document_content by default).
create table document (
    id            uuid primary key,
    owner_subject text,
    uploaded_by   text        not null,
    filename      text        not null,
    content_type  text        not null,
    size_bytes    bigint      not null,
    sha256        text        not null,
    readable      boolean     not null,
    created_at    timestamptz not null
);

create index document_owner on document (owner_subject);

create table document_content (
    document_id uuid primary key references document (id),
    bytes       bytea not null
);

-- Departments with a case on an application that uses the document: their reviewers may read it.
create table document_grant (
    document_id     uuid not null references document (id),
    department_code text not null,
    primary key (document_id, department_code)
);

-- Application numbers are <region>-<year>-<sequence>, the sequence counted per region and year by a PostgreSQL
-- sequence of its own (created on first use): no row lock serializes concurrent submissions. A rolled-back
-- submission leaves a gap, as sequences do.
create function next_application_sequence(p_region text, p_year integer) returns bigint
    language plpgsql as
$$
declare
    sequence_name text := format('application_seq_%s_%s', p_region, p_year);
begin
    if p_region !~ '^[0-9]{6}$' then
        raise exception 'region must be six digits, got %', p_region;
    end if;
    begin
        return nextval(sequence_name);
    exception
        when undefined_table then
            begin
                execute format('create sequence if not exists %I', sequence_name);
            exception
                when unique_violation or duplicate_table then null; -- created by a concurrent submission
            end;
            return nextval(sequence_name);
    end;
end;
$$;

-- One row per application: the aggregate's state as JSON, and the columns queues, access checks and statistics
-- query.
create table application (
    number                    text primary key,
    region                    text        not null,
    status                    text        not null,
    channel                   text        not null,
    bundle_code               text,
    applicant_subject         text,
    filed_by                  text,
    submitted_at              timestamptz not null,
    accepted_at               timestamptz,
    completed_at              timestamptz,
    pledge_date               date,
    pledge_outstanding        boolean     not null,
    visits                    integer     not null,
    visits_at_acceptance      integer,
    notices                   integer     not null,
    second_notices            integer     not null,
    notices_before_acceptance integer,
    rating                    integer,
    follow_up_due             date,
    follow_up_open            boolean     not null,
    state                     jsonb       not null,
    updated_at                timestamptz not null
);

create index application_applicant on application (applicant_subject, submitted_at desc);
create index application_status on application (status, submitted_at desc);
create index application_pledge on application (pledge_date) where pledge_outstanding;
create index application_submitted on application (submitted_at);
create index application_follow_up on application (follow_up_due) where follow_up_open;

-- Idempotency-Key: the first request with a key claims it in the transaction that creates its result, so a
-- concurrent duplicate waits on the primary key and then reads the stored response.
create table idempotency_key (
    caller_subject  text        not null,
    key             text        not null,
    operation       text        not null,
    request_hash    text        not null,
    response_status integer,
    response_body   text,
    response_location text,
    created_at      timestamptz not null,
    primary key (caller_subject, key)
);

create index idempotency_key_created on idempotency_key (created_at);
