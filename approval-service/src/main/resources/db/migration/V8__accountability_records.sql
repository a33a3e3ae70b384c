-- Issue 18, item 4: accountability records (问责记录) of electronic supervision. Opened by the service, once per rule,
-- subject and department (the unique key: a redelivered event or a job run twice opens nothing more), owned by the
-- heads of the department, resolved once by one of them with an explanation. Never deleted (R__runtime_role.sql), and
-- their facts never change: only an open record's resolution is written, once.
create table accountability_record (
    id                 bigint generated always as identity primary key,
    rule               text        not null check (rule in ('CASE_OVERDUE', 'SECOND_SUPPLEMENT',
        'RATING_NOT_FOLLOWED_UP', 'WITHDRAWN_WITHOUT_CONFIRMATION')),
    -- what the rule is about: the case number for case rules, the application number for application rules
    subject            text        not null,
    application_number text        not null,
    case_number        text,
    department_code    text        not null,
    facts              text        not null,
    occurred_at        timestamptz not null,
    opened_at          timestamptz not null,
    owner_role         text        not null default 'department-head',
    state              text        not null default 'OPEN' check (state in ('OPEN', 'RESOLVED')),
    explanation        text,
    resolved_by        text,
    resolved_at        timestamptz,
    unique (rule, subject, department_code),
    check ((state = 'RESOLVED') = (explanation is not null and resolved_by is not null and resolved_at is not null))
);
create index accountability_record_department on accountability_record (department_code, occurred_at);
create index accountability_record_occurred on accountability_record (occurred_at);

create function accountability_record_guard() returns trigger language plpgsql as
$$
begin
    if old.state = 'RESOLVED' then
        raise exception 'accountability record % is resolved and cannot change', old.id;
    end if;
    if (new.rule, new.subject, new.application_number, new.case_number, new.department_code, new.facts,
        new.occurred_at, new.opened_at, new.owner_role)
        is distinct from (old.rule, old.subject, old.application_number, old.case_number, old.department_code,
        old.facts, old.occurred_at, old.opened_at, old.owner_role) then
        raise exception 'the facts of accountability record % cannot change', old.id;
    end if;
    return new;
end
$$;
create trigger accountability_record_guard before update on accountability_record
    for each row execute function accountability_record_guard();
