-- Issue 16 item 7 (PIPL): approval stores resident ID numbers, credit codes and phone numbers encrypted (application-
-- level envelope encryption, service-starter personaldata; docs/data-map.md). A migration cannot encrypt (the key is
-- not in the database): the service encrypts what was stored before at every start, compared-and-set per row. Rows
-- the guards keep as they are (decided and withdrawn cases, V4; certificates, V4) stay as they were stored.

-- A case file's form: true once its ID and phone numbers are encrypted. Rows from before (and from an instance of the
-- previous version during a rollout) are false until the next start encrypts them.
alter table application_file add column form_encrypted boolean not null default false;
create index application_file_form_plaintext on application_file (application_number) where not form_encrypted;

-- An anonymous complainant's or inquirer's phone number still in plaintext: what the start encrypts, found cheaply.
create index complaint_phone_plaintext on complaint (number)
    where contact_phone is not null and contact_phone not like 'pd1:%';
create index inquiry_phone_plaintext on inquiry (number)
    where contact_phone is not null and contact_phone not like 'pd1:%';
