-- The items a region accepts for other regions (通办清单, 就近办、异地办、跨区域通办): one list per accepting region
-- (a county, city or province, six digits, or a township, nine), replaced as a whole by each revision and published
-- as an event like the rest of the catalog. Each entry names an item and the home regions (the regions of the
-- departments that handle it) the accepting region takes applications for.
create table cross_region_list (
    accepting_region text        primary key check (accepting_region ~ '^[0-9]{6}([0-9]{3})?$'),
    revision         integer     not null check (revision >= 1),
    entries          jsonb       not null,
    changed_by       text        not null,
    published_at     timestamptz not null
);
