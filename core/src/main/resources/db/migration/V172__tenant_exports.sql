-- A tenant's export of everything (docs/privacy.md "Exporting a tenant"): requested through the API, built by a
-- privacy.tenant_export job, downloaded as one JSON document. Secrets are left out (see parley_export_tenant).
CREATE TABLE tenant_exports (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id            uuid        NOT NULL,
    status        text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ready')),
    document      jsonb,
    requested_by  uuid,
    created_at    timestamptz NOT NULL DEFAULT now(),
    ready_at      timestamptz,
    PRIMARY KEY (tenant_id, id)
);
ALTER TABLE tenant_exports ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_exports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_exports_tenant ON tenant_exports USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- {"<table>": [rows...]} for every table with the tenant's rows (and "tenant": its row), each row as stored without
-- tenant_id and without any column that holds a secret or its hash (sealed credentials, API key hashes, tokens).
-- Older exports are not exported again.
CREATE FUNCTION parley_export_tenant(target uuid) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
DECLARE
    tbl text;
    rows jsonb;
    result jsonb;
    secret text := '(secret|credential|password|sealed|_hash$|^token$|_token$|api_key$)';
BEGIN
    SELECT jsonb_build_object('tenant', to_jsonb(t)) INTO result FROM tenants t WHERE t.id = target;
    FOR tbl IN SELECT c.table_name FROM information_schema.columns c
               JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
               WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
                 AND c.table_name <> 'tenant_exports'
               ORDER BY c.table_name LOOP
        EXECUTE format('SELECT coalesce(jsonb_agg((SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(to_jsonb(x)) e
                        WHERE e.key <> ''tenant_id'' AND e.key !~ %L)), ''[]'') FROM %I x WHERE tenant_id = $1',
                       secret, tbl) INTO rows USING target;
        result := result || jsonb_build_object(tbl, rows);
    END LOOP;
    RETURN result;
END $$;
