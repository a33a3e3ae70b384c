-- Issue 16 item 6, the remainder: every trail verified on a schedule, and the post-approval checks guarded.

-- How far each trail verified (AuditWatch): its entries up to `entries`, whose last had `head_hash`. A round verifies
-- only what a trail gained since, after checking that this entry still has that hash; a rolling sweep re-verifies a
-- few whole trails each round (`swept_at`), so an entry edited in place or a tail cut off a trail that no longer
-- grows is found too, within one sweep of all trails.
create table audit_verified (
    trail       text primary key,
    entries     integer     not null check (entries >= 0),
    head_hash   text        not null,
    verified_at timestamptz not null,
    swept_at    timestamptz
);

-- One row: the watermark of the entries read (as audit_checkpoint_round, V5), the sweep's cursor (the last trail it
-- verified whole; null: from the start), and the claim that lets one instance run a round.
create table audit_verification_round (
    id          integer primary key check (id = 1),
    seen_before xid8        not null,
    swept_after text,
    at          timestamptz
);
-- trails written before this migration are verified by the sweep; the rounds read only what is written from now on
insert into audit_verification_round (id, seen_before) values (1, pg_current_xact_id());

-- What verification found broken, once per trail, problem and entry: facts, never changed or removed.
create table audit_verification_failure (
    trail            text        not null,
    first_broken_seq integer     not null,
    problem          text        not null,
    entries          integer     not null,
    found_at         timestamptz not null,
    primary key (trail, problem, first_broken_seq)
);

create trigger audit_verification_failure_append_only before update or delete on audit_verification_failure
    for each row execute function audit_append_only();
create trigger audit_verification_failure_no_truncate before truncate on audit_verification_failure
    for each statement execute function audit_append_only();

-- Commitment approval (V11): what intake accepted on the applicant's commitment is a fact, never changed or removed.
create function facts_are_final() returns trigger
    language plpgsql as
$$
begin
    raise exception '% rows are facts: % refused', tg_table_name, tg_op
        using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger commitment_case_facts_are_final before update or delete on commitment_case
    for each row execute function facts_are_final();
create trigger commitment_case_no_truncate before truncate on commitment_case
    for each statement execute function facts_are_final();

-- A post-approval check is scheduled once with its facts (case, certificate, decided and due days), then changes only
-- by being recorded once (PASSED or FAILED with findings, by whom, when) and by being raised overdue once; a recorded
-- check is final, and none is removed.
create function post_approval_check_changes_once() returns trigger
    language plpgsql as
$$
begin
    if (to_jsonb(new) - array['status', 'findings', 'checked_by', 'checked_at', 'overdue_at'])
        is distinct from (to_jsonb(old) - array['status', 'findings', 'checked_by', 'checked_at', 'overdue_at']) then
        raise exception 'post-approval check of case %: what was scheduled cannot be changed', old.case_number
            using errcode = 'integrity_constraint_violation';
    end if;
    if old.status <> 'SCHEDULED' and new is distinct from old then
        raise exception 'post-approval check of case % is %: a recorded check cannot be changed', old.case_number,
            old.status using errcode = 'integrity_constraint_violation';
    end if;
    if old.overdue_at is not null and new.overdue_at is distinct from old.overdue_at then
        raise exception 'post-approval check of case %: its overdue cannot be changed or taken back', old.case_number
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;

create trigger post_approval_check_changes_once before update on post_approval_check
    for each row execute function post_approval_check_changes_once();
create trigger post_approval_check_not_deleted before delete on post_approval_check
    for each row execute function facts_are_final();
create trigger post_approval_check_no_truncate before truncate on post_approval_check
    for each statement execute function facts_are_final();
