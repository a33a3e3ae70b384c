-- Issue 18, item 4: what electronic supervision keeps of intake's events, per department.

-- Ratings (好差评) from intake's evaluated event, one row per rated application and department it names; for a bad
-- rating (1 or 2) the follow-up's due date, and the follow-up once intake reports it. follow_up_checked: nothing is
-- left to check (the follow-up came, or the accountability record for its absence is opened); the job reads only the
-- unchecked rows past their due date.
create table department_rating (
    application_number text        not null,
    department_code    text        not null,
    rating             integer     not null check (rating between 1 and 5),
    evaluated_at       timestamptz not null,
    follow_up_due      date,
    followed_up_at     timestamptz,
    followed_up_by     text,
    follow_up_note     text,
    follow_up_checked  boolean     not null,
    primary key (application_number, department_code)
);
create index department_rating_follow_up_due on department_rating (follow_up_due) where not follow_up_checked;
create index department_rating_evaluated on department_rating (evaluated_at);

-- The applicant's visits to the hall per completed application (intake's completed event, when it carries them),
-- once per department that had a case of it: visits per application by department.
create table application_visits (
    application_number text        not null,
    department_code    text        not null,
    visits             integer     not null check (visits >= 0),
    completed_at       timestamptz not null,
    primary key (application_number, department_code)
);
create index application_visits_completed on application_visits (completed_at);
