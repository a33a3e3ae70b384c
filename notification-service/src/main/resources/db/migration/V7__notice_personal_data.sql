-- Personal data at rest (issue 16, PIPL): a notice's recipient (an e-mail address or a phone number) and an event kept
-- until its applicant's contact arrives (it may hold the applicant, resident ID number and phone included) are
-- encrypted by the service from this version on (envelope encryption under runonce.personal-data.key, as
-- applicant_contact.phone and delivery.body). Nothing looks notices up by recipient: no blind index. SQL cannot
-- encrypt (the key is not in the database): values stored before this version are encrypted by the service at its
-- next start (Notices.encryptPlaintextRecipientsAndEvents); reading accepts both forms meanwhile.
comment on column notice.recipient is
    'e-mail address or phone number, encrypted by the service (pd1:<key id>:...); null for the inbox';
comment on column notice_awaiting_contact.event is
    'the CloudEvent as JSON, encrypted by the service (pd1:<key id>:...)';
comment on column applicant_contact.phone is 'encrypted by the service (pd1:<key id>:...); phone_index finds it';
comment on column delivery.body is 'the event as delivered, encrypted by the service (pd1:<key id>:...)';
