-- Help-and-agency (帮办代办): an applicant authorizes an agent (a staff member of the hall or a township service point,
-- or another applicant account, e.g. a company's agent) to file and follow applications for them, within a scope
-- and from a first to a last day, until revoked. The principal's identity is copied from the principal's verified
-- token when they authorize; the agent never types it.
create table agency_authorization (
    id                  uuid        primary key,
    principal_subject   text        not null,
    principal_type      text        not null,
    principal_id_number text        not null,
    principal_name      text        not null,
    granted_by_name     text        not null,
    acting_as           text        not null,
    agent_kind          text        not null,
    agent_username      text        not null,
    agent_id_number     text,
    agent_name          text,
    item_codes          text[]      not null,
    bundle_codes        text[]      not null,
    application_numbers text[]      not null,
    valid_from          date        not null,
    valid_until         date        not null,
    granted_at          timestamptz not null,
    revoked_at          timestamptz,
    revocation_reason   text
);

create index agency_authorization_principal on agency_authorization (principal_subject, granted_at desc);
create index agency_authorization_agent on agency_authorization (agent_kind, agent_username, granted_at desc);

-- Every act of an agent under an authorization: filing an application (SUBMISSION), reading it (READ, also the
-- check before a supplement) or changing it (CHANGE: pledge, withdrawal).
create table agency_act (
    id                 bigint generated always as identity primary key,
    authorization_id   uuid        not null references agency_authorization (id),
    application_number text        not null,
    act                text        not null,
    agent_subject      text        not null,
    agent_username     text        not null,
    agent_name         text,
    at                 timestamptz not null
);

create index agency_act_authorization on agency_act (authorization_id, at);
