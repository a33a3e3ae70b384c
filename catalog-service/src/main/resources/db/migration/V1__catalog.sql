-- The catalog's own tables. Versions 0.x belong to the service starter (event publication registry etc.).

create table department (
    code        text primary key,
    name_zh     text        not null,
    name_en     text        not null,
    region_code text        not null,
    contact     jsonb       not null,
    revision    integer     not null,
    updated_at  timestamptz not null
);

create table item (
    code       text primary key,
    created_at timestamptz not null
);

-- One row per version of an item's service guide. Queried columns are copied out of the content: department,
-- kind, handling mode, names (search), validity. The content itself is JSON.
create table item_version (
    item_code       text        not null references item (code),
    version         integer     not null check (version >= 1),
    status          text        not null check (status in ('DRAFT', 'PUBLISHED', 'RETIRED')),
    department_code text,
    kind            text,
    handling_mode   text,
    name_zh         text,
    name_en         text,
    valid_from      date,
    valid_to        date,
    content         jsonb       not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    published_at    timestamptz,
    retired_at      timestamptz,
    primary key (item_code, version),
    check (status = 'DRAFT' or (valid_from is not null and published_at is not null))
);

create index item_version_published on item_version (valid_from, valid_to) where status <> 'DRAFT';
create index item_version_department on item_version (department_code) where status <> 'DRAFT';

-- Defense in depth behind the Item aggregate: a published version's content never changes, and it never goes
-- away. The only change allowed after publication is retiring it: status PUBLISHED -> RETIRED with an earlier end.
create function item_version_guard() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'DELETE' then
        if old.status <> 'DRAFT' then
            raise exception 'item % version % is published and cannot be deleted', old.item_code, old.version
                using errcode = 'integrity_constraint_violation';
        end if;
        return old;
    end if;
    if old.status <> 'DRAFT' then
        if new.content is distinct from old.content
            or new.status = 'DRAFT'
            or new.version is distinct from old.version
            or new.item_code is distinct from old.item_code
            or new.department_code is distinct from old.department_code
            or new.kind is distinct from old.kind
            or new.handling_mode is distinct from old.handling_mode
            or new.name_zh is distinct from old.name_zh
            or new.name_en is distinct from old.name_en
            or new.valid_from is distinct from old.valid_from
            or new.published_at is distinct from old.published_at
            or (old.status = 'RETIRED' and new is distinct from old)
            or (old.valid_to is not null and (new.valid_to is null or new.valid_to > old.valid_to)) then
            raise exception 'item % version % is %: its content is immutable', old.item_code, old.version, old.status
                using errcode = 'integrity_constraint_violation';
        end if;
    end if;
    return new;
end;
$$;

create trigger item_version_immutable
    before update or delete on item_version
    for each row execute function item_version_guard();

create table bundle (
    code         text primary key,
    version      integer     not null,
    name_zh      text        not null,
    name_en      text        not null,
    description  text,
    items        jsonb       not null,
    published_at timestamptz not null
);

-- Which bundles an item belongs to, for searching items by bundle.
create table bundle_item (
    bundle_code text not null references bundle (code) on delete cascade,
    item_code   text not null,
    position    integer not null,
    primary key (bundle_code, item_code)
);

create index bundle_item_item on bundle_item (item_code);

create table calendar (
    region       text        not null,
    year         integer     not null,
    festivals    jsonb       not null,
    demo         boolean     not null,
    revision     integer     not null,
    published_at timestamptz not null,
    primary key (region, year)
);
