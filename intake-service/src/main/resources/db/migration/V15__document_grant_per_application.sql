-- Document grants belong to the application whose case made them and expire a retention after that application
-- ended (issue 16 item 7, PIPL storage limitation): a department reads a document while one of its grants on it is
-- live (expires_at null while the application runs, or still ahead). Only the documents of the department's own
-- cases are granted (the cases' materials in the application's state), no longer every document of the application.
alter table document_grant rename to document_grant_before_v15;
alter index document_grant_pkey rename to document_grant_before_v15_pkey;

create table document_grant (
    document_id        uuid        not null references document (id),
    department_code    text        not null,
    application_number text        not null references application (number),
    expires_at         timestamptz,
    primary key (document_id, department_code, application_number)
);

-- the expiry at the application's end: one statement over its grants
create index document_grant_application on document_grant (application_number);

-- The grants made before this migration had no application. Each becomes a grant per application that uses the
-- document in a case of that department (found through V14's index over the document ids in applications' state);
-- a grant no such case explains (the document was granted as one of the application's documents, but no case of the
-- department uses it) is dropped, as the new rule would not have made it. Grants of applications that had already
-- ended expire 200 days (the default of runonce.intake.documents.grant-retention) after their completion, or after
-- the last change of a withdrawn one; a configured retention applies to applications ending from now on.
insert into document_grant (document_id, department_code, application_number, expires_at)
select g.document_id, g.department_code, a.number,
       case when a.status in ('COMPLETED', 'REFUSED', 'WITHDRAWN')
            then coalesce(a.completed_at, a.updated_at) + interval '200 days' end
from document_grant_before_v15 g
join application a
  on jsonb_path_query_array(a.state, 'lax $.**.documentId') @> jsonb_build_array(g.document_id::text)
where a.state -> 'cases' @> jsonb_build_array(jsonb_build_object(
          'departmentCode', g.department_code,
          'materials', jsonb_build_array(jsonb_build_object('documentId', g.document_id::text))));

drop table document_grant_before_v15;
