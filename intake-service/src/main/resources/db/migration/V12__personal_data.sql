-- Personal data at rest (issue 16): the service encrypts resident ID numbers and phone numbers itself (envelope
-- encryption under runonce.personal-data.key: application.state's ID and phone fields, agency_authorization's ID
-- numbers, idempotency_key.response_body). SQL cannot encrypt (the key is not in the database): rows written before
-- this version are encrypted by the service at its next start (Applications, AgencyAuthorizations).
-- The applicant's ID number is looked up by its blind index, HMAC-SHA256 under runonce.personal-data.index-key.
alter table application add column applicant_id_index text;
create index application_applicant_id_index on application (applicant_id_index, submitted_at desc);
