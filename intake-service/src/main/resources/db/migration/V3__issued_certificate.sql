-- E-certificates approval issued (certificate.issued events), by holder: a holder shares one from their wallet as a
-- material by its number alone; the signed certificate kept here is verified like one handed in.
create table issued_certificate (
    certificate_number text        primary key,
    holder_subject     text,
    jws                text        not null,
    issued_at          timestamptz not null
);

create index issued_certificate_holder on issued_certificate (holder_subject, certificate_number);
