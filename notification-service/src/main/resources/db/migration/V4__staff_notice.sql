-- Staff notices (电子监察): approval's warning (80 % of the promised time used) and overdue events, to the case's
-- reviewer (addressee_user) and to the heads of its department (addressee_heads). One row per event and addressee:
-- the unique key makes a redelivered event harmless. Read by the staff inbox, never sent elsewhere.
create table staff_notice (
    id                 uuid primary key,
    seq                bigint generated always as identity, -- arrival order (created_at may tie)
    event_id           text        not null,
    event_type         text        not null,
    kind               text        not null check (kind in ('WARNING', 'OVERDUE')),
    case_number        text        not null,
    application_number text,
    department         text        not null,
    addressee          text        not null, -- a username, or '*heads*' for the heads of the department
    title              text        not null,
    body               text        not null,
    created_at         timestamptz not null,
    read_at            timestamptz,
    unique (event_id, addressee)
);
create index staff_notice_user on staff_notice (addressee, seq desc);
create index staff_notice_heads on staff_notice (department, seq desc) where addressee = '*heads*';
