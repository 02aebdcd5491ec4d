-- Issue 13 part 6: the setup page under the tenant's control. One settings document per bot (fields shown and
-- editable with the tenant's labels, whether the contact may override the persona, the text after submission);
-- see core/setuppage/SetupPageSettings. Until now any end user holding a setup link could replace the bot's whole
-- system prompt. Every existing bot has no row here, and a bot without a row gets the defaults: the persona
-- override OFF (neither accepted by the page nor used in the prompt; the tenant turns it back on per bot) and the
-- nickname field the page always showed. (A backfill INSERT … SELECT FROM bots would see no rows: row-level
-- security is forced on bots, also for the migration role, so the defaults are the migration.)
CREATE TABLE bot_setup_pages (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    bot_id     uuid        NOT NULL,
    settings   jsonb       NOT NULL CHECK (jsonb_typeof(settings) = 'object'),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, bot_id),
    FOREIGN KEY (tenant_id, bot_id) REFERENCES bots (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE bot_setup_pages ENABLE ROW LEVEL SECURITY;
ALTER TABLE bot_setup_pages FORCE ROW LEVEL SECURITY;
CREATE POLICY bot_setup_pages_tenant ON bot_setup_pages USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
