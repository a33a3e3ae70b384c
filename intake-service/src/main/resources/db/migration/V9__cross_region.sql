-- The catalog's cross-region lists (通办清单) in intake's catalog copy, from cross-region-list.published: per
-- accepting region the items its service points accept for departments of other regions, with those home regions.
-- The highest revision wins, like the rest of the copy.
create table catalog_cross_region_list (
    accepting_region text    primary key,
    revision         integer not null,
    entries          jsonb   not null
);

-- A township service point (nine digits) accepts for its county's departments the same way: its applications are
-- numbered in its own region, so the sequence takes nine digits too.
create or replace function next_application_sequence(p_region text, p_year integer) returns bigint
    language plpgsql as
$$
declare
    sequence_name text := format('application_seq_%s_%s', p_region, p_year);
begin
    if p_region !~ '^[0-9]{6}([0-9]{3})?$' then
        raise exception 'region must be six or nine digits, got %', p_region;
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
