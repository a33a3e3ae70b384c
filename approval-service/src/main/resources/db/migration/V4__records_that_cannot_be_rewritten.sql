-- Issue 16 item 6: records that cannot be rewritten, even by the database's own administrators.
--
-- The audit chain is keyed (HMAC-SHA256 with a key the operator holds outside the database, see AuditTrail): each
-- entry names the key it was chained with. Entries written before this migration were chained with plain SHA-256 and
-- no longer verify (there was no production data; a local trail from before shows UNKNOWN_KEY at its first entry).
alter table audit_entry add column key_id text;

-- Checkpoints of the trails' heads, as published on approval's topic (audit.checkpoint events, outside this
-- database): a trail is held against its last one, so a deleted tail or a re-chained entry is found. This copy only
-- says what was published; the authoritative copies are the events the department systems and auditors keep.
create table audit_checkpoint (
    trail     text        not null,
    entries   integer     not null check (entries >= 1),
    head_hash text        not null,
    key_id    text        not null,
    at        timestamptz not null,
    primary key (trail, entries)
);

create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_append_only();

-- A decided (or withdrawn) case is final: saving it unchanged is allowed, changing it is not.
create function decided_case_is_final() returns trigger
    language plpgsql as
$$
begin
    if new is distinct from old then
        raise exception 'case % is %: a decided case cannot be changed', old.number, old.status
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;

create trigger approval_case_decided_is_final before update on approval_case
    for each row when (old.status in ('APPROVED', 'REJECTED', 'WITHDRAWN'))
    execute function decided_case_is_final();

-- A certificate only ever changes by being revoked, once: what was issued and signed stays, and a revocation is
-- never taken back. The same for a window delegation.
create function revocation_only() returns trigger
    language plpgsql as
$$
begin
    if old.revoked_at is not null then
        raise exception '% is revoked: a revocation cannot be changed or taken back', tg_table_name
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.revoked_at is null
        or (to_jsonb(new) - array['revoked_at', 'revoked_by', 'revocation_reason'])
            is distinct from (to_jsonb(old) - array['revoked_at', 'revoked_by', 'revocation_reason']) then
        raise exception '% rows only change by being revoked', tg_table_name
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;

create trigger certificate_revocation_only before update on certificate
    for each row execute function revocation_only();
create trigger window_delegation_revocation_only before update on window_delegation
    for each row execute function revocation_only();
