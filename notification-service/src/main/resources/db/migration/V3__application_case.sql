-- Which department handles each case of an accepted application, from intake's accepted event. Intake's events
-- concern a whole application (possibly cases of several departments) and carry no department; this map lets the
-- webhooks give each department its own view of them, and lets the later ones (withdrawn, materials supplied), which
-- name only case numbers, reach the departments concerned and no other.
create table application_case (
    case_number        text primary key,
    application_number text not null,
    department         text not null
);
create index application_case_application on application_case (application_number);
