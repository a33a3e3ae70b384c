-- Whether an item is handled in the service hall (进驻政务服务中心), recorded per item and not per guide version: it
-- is where the department does the work, which changes on its own day without a new guide (published versions are
-- immutable, a new version only for this would be a new guide applicants see). Append-only: each change is a new
-- revision with who made it, when, from which day it holds and, for an item not handled in the hall, why. The state
-- on a day is the last revision whose `since` is not after it (`since` never goes back, the service checks it).
create table item_hall_entry (
    item_code  text        not null references item (code),
    revision   integer     not null check (revision >= 1),
    entered    boolean     not null,
    since      date        not null,
    reason     text,
    changed_by text        not null,
    changed_at timestamptz not null,
    primary key (item_code, revision),
    check (entered or reason is not null)
);

create index item_hall_entry_since on item_hall_entry (since);

-- The record of who changed what is the audit trail: nothing in it is changed or deleted.
create function item_hall_entry_guard() returns trigger
    language plpgsql as
$$
begin
    raise exception 'hall entry of item % revision % is recorded: it cannot be changed or deleted',
        old.item_code, old.revision
        using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger item_hall_entry_append_only
    before update or delete on item_hall_entry
    for each row execute function item_hall_entry_guard();
