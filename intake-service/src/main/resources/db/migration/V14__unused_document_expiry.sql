-- Uploads that no application uses expire (document/UnusedDocuments): marked first, no longer usable from then on,
-- deleted with their content a cleanup interval later if still unused.
alter table document add column expired_at timestamptz;

create index document_unmarked on document (created_at) where expired_at is null;
create index document_expired on document (expired_at) where expired_at is not null;

-- Which documents an application uses, anywhere in its state (materials, supplements, history): the expiry's
-- "no application uses it" is one index probe per document.
create index application_documents on application
    using gin (jsonb_path_query_array(state, 'lax $.**.documentId') jsonb_path_ops);
