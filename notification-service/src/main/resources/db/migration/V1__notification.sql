-- The notification service's own tables. Versions 0.x belong to the service starter (outbox, processed events).

-- A department system's webhook. The secret signs deliveries (HMAC is symmetric, so it is kept as given; production
-- should encrypt this column at rest or keep secrets in a KMS). Deactivated subscriptions keep their delivery log.
create table subscription (
    id           uuid primary key,
    department   text        not null,
    client_id    text,
    callback_url text        not null,
    event_types  text[]      not null,
    secret       text        not null,
    active       boolean     not null,
    created_at   timestamptz not null,
    deactivated_at timestamptz
);
create index subscription_department on subscription (department) where active;

-- One event to one subscription. Created in the transaction that marks the consumed event processed; sent by the
-- dispatcher in seq order per (subscription, subject); never deleted.
create table delivery (
    id              uuid primary key,
    seq             bigserial   not null unique,
    subscription_id uuid        not null references subscription (id),
    event_id        text        not null,
    event_type      text        not null,
    subject         text,
    body            text        not null,
    state           text        not null check (state in ('PENDING', 'SUCCEEDED', 'FAILED_RETRYING', 'DEAD')),
    attempts        integer     not null default 0,
    created_at      timestamptz not null,
    retry_from      timestamptz not null,
    next_attempt_at timestamptz,
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      text,
    delivered_at    timestamptz,
    unique (subscription_id, event_id)
);
create index delivery_due on delivery (next_attempt_at) where state in ('PENDING', 'FAILED_RETRYING');
create index delivery_log on delivery (subscription_id, seq);

-- What the platform knows about how to reach the applicant of an application, copied from intake events.
create table applicant_contact (
    application_number text primary key,
    subject            text,
    name               text,
    email              text,
    phone              text,
    locale             text        not null,
    updated_at         timestamptz not null
);

-- One notice per event and channel: the unique key is what makes a redelivered event harmless.
create table notice (
    id                 uuid primary key,
    event_id           text        not null,
    event_type         text        not null,
    channel            text        not null check (channel in ('EMAIL', 'SMS', 'INBOX')),
    template           text        not null,
    application_number text,
    applicant_subject  text,
    recipient          text,
    locale             text        not null,
    title              text        not null,
    body               text        not null,
    state              text        not null check (state in ('PENDING', 'SENT', 'FAILED')),
    attempts           integer     not null default 0,
    last_error         text,
    created_at         timestamptz not null,
    sent_at            timestamptz,
    read_at            timestamptz,
    unique (event_id, channel)
);
create index notice_pending on notice (created_at) where state = 'PENDING';
create index notice_inbox on notice (applicant_subject, created_at) where channel = 'INBOX';
