-- Issue 14: the scheduled jobs cost what is due, not what exists.

-- The days a running clock reaches the warning (runonce.approval.deadlines.warning-percent of the promised working
-- days) and passes the promised time, computed by the service with the region's working-day calendar whenever the
-- case is saved (opened, started, paused, resumed, decided...); null while the clock does not run (not started,
-- paused, stopped). The deadline watch selects only the cases whose day has come and whose event is not raised yet.
alter table approval_case add column warning_on date, add column overdue_on date;

-- running clocks from before: due now, so the next round checks them once and stores their real days
update approval_case
set warning_on = case when warned_at is null then started_on end,
    overdue_on = case when overdue_at is null then started_on end
where started_on is not null and stopped_on is null and paused_since is null
  and status not in ('APPROVED', 'REJECTED', 'WITHDRAWN');

create index approval_case_warning_due on approval_case (warning_on) where warned_at is null;
create index approval_case_overdue_due on approval_case (overdue_on) where overdue_at is null;

-- The audit checkpoint job reads only entries written since its last round: each entry keeps the transaction that
-- wrote it, and a round remembers the oldest transaction still running when it read (pg_snapshot_xmin); every entry
-- of an older transaction was visible to that round, younger ones are read again by the next.
alter table audit_entry add column tx xid8 not null default pg_current_xact_id();
create index audit_entry_tx on audit_entry (tx);

-- One row: the watermark, and the claim (SELECT ... FOR UPDATE SKIP LOCKED) that lets one instance run a round.
create table audit_checkpoint_round (
    id          integer primary key check (id = 1),
    seen_before xid8        not null,
    at          timestamptz
);
insert into audit_checkpoint_round (id, seen_before) values (1, '0');
