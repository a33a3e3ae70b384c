-- The role the service runs as (runonce.approval.database.runtime-user): not the owner of the tables, so it cannot
-- switch the guards off (ALTER TABLE ... DISABLE TRIGGER needs the owner), and granted only what the service needs.
-- Flyway runs this as the owner after the versioned migrations, again whenever it changes. Unset: the service runs
-- as the owner (a warning at start). Placeholders come from DatabaseRoles.
do
$$
declare
    runtime text := '${runtimeUser}';
begin
    if runtime = '' then
        raise notice 'no runtime role configured: approval runs as the owner of its tables';
        return;
    end if;
    if not exists (select from pg_roles where rolname = runtime) then
        if '${createRuntimeUser}' <> 'true' then
            raise exception 'the runtime role % does not exist: the operator creates it (CloudNativePG managed role)',
                runtime;
        end if;
        begin
            -- the local stack, where the owner may create roles; a production owner cannot and need not
            execute format('create role %I login nosuperuser nocreatedb nocreaterole noinherit password %L', runtime,
                '${runtimePassword}');
        exception
            when duplicate_object or unique_violation then null; -- another database's migration made it meanwhile
        end;
    end if;
    execute format('grant connect on database %I to %I', current_database(), runtime);
    execute format('grant usage on schema public to %I', runtime);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', runtime);
    execute format('grant usage, select, update on all sequences in schema public to %I', runtime);
    -- append-only: the trail and its checkpoints are only ever added to
    execute format('revoke update, delete, truncate on audit_entry, audit_checkpoint from %I', runtime);
    -- never deleted (the triggers refuse it as well)
    execute format('revoke delete, truncate on approval_case, case_material, case_supplement, case_pause, '
        || 'case_dependency, window_delegation, certificate, signing_key, application_file, application_notice, '
        || 'published_decision from %I', runtime);
    -- complaints and inquiries (V6, V7): never deleted; their records and hand-overs only ever added to
    execute format('revoke delete, truncate on complaint, inquiry from %I', runtime);
    execute format('revoke update, delete, truncate on complaint_record, inquiry_handover from %I', runtime);
    -- accountability records are never deleted (V8: and their facts never change)
    execute format('revoke delete, truncate on accountability_record from %I', runtime);
    -- V14: what verification found is only added to; commitment cases and post-approval checks are never deleted
    execute format('revoke update, delete, truncate on audit_verification_failure, commitment_case from %I', runtime);
    execute format('revoke delete, truncate on post_approval_check from %I', runtime);
    execute format('revoke all on flyway_schema_history from %I', runtime);
    -- tables a later migration adds (as the owner) are the service's to use; guards are revoked there explicitly
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I',
        runtime);
    execute format('alter default privileges in schema public grant usage, select, update on sequences to %I',
        runtime);
end
$$;
