-- Personal data at rest (issue 16): applicant_contact.phone is encrypted by the service (envelope encryption under
-- runonce.personal-data.key); phone_index is its blind index (HMAC-SHA256 under runonce.personal-data.index-key) to
-- find the contacts of a number. SQL cannot encrypt (the key is not in the database): phone numbers stored before
-- this version are encrypted by the service at its next start (Notices.encryptPlaintextPhones).
alter table applicant_contact add column phone_index text;
create index applicant_contact_phone_index on applicant_contact (phone_index, updated_at desc);
