-- E-certificates their issuing department revoked (approval's certificate.revoked events): a revoked certificate
-- is refused as a material although its signature is genuine.
create table revoked_certificate (
    certificate_number text        primary key,
    revoked_at         timestamptz not null,
    reason             text
);
