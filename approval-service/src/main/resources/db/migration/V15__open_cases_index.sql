-- The open cases, for the queue gauges (cases/CaseMeters): decided cases pile up for years, the open ones stay few.
create index approval_case_open on approval_case (status) where status not in ('APPROVED', 'REJECTED', 'WITHDRAWN');
