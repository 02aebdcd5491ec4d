-- WhatsApp message templates (docs/whatsapp-templates.md). Templates belong to a WhatsApp Business Account (WABA);
-- Parley reaches the WABA through a WhatsApp channel (its access token and `businessAccountId` credential), so a
-- template row is kept per channel. `meta_id` is Meta's template id (null until Meta accepted the submission);
-- (name, language) is unique per WABA, hence per channel. `components` is Meta's components array as Meta returns
-- it (type in upper case: HEADER, BODY, FOOTER, BUTTONS).
CREATE TABLE whatsapp_templates (
    tenant_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    channel_id       uuid        NOT NULL,
    meta_id          text        CHECK (length(meta_id) <= 64),
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 512),
    language         text        NOT NULL CHECK (length(language) BETWEEN 2 AND 15),
    category         text        NOT NULL CHECK (length(category) <= 40),
    status           text        NOT NULL CHECK (length(status) <= 40),
    rejection_reason text        CHECK (length(rejection_reason) <= 1000),
    components       jsonb       NOT NULL DEFAULT '[]',
    synced_at        timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, channel_id, name, language),
    FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX whatsapp_templates_meta_idx ON whatsapp_templates (tenant_id, channel_id, meta_id);
ALTER TABLE whatsapp_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE whatsapp_templates FORCE ROW LEVEL SECURITY;
CREATE POLICY whatsapp_templates_tenant ON whatsapp_templates USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- The template a WhatsApp channel sends instead of a free-form message outside the 24-hour customer-service window
-- (WhatsApp error 131047). `body_variables` is a JSON array of strings, one per {{n}} of the template's body in
-- order, each with Parley placeholders ({{contact.displayName}}, {{contact.attributes.x}}, {{message.text}}).
CREATE TABLE whatsapp_window_fallbacks (
    tenant_id      uuid        NOT NULL,
    channel_id     uuid        NOT NULL,
    template_name  text        NOT NULL CHECK (length(template_name) BETWEEN 1 AND 512),
    language       text        NOT NULL CHECK (length(language) BETWEEN 2 AND 15),
    body_variables jsonb       NOT NULL DEFAULT '[]',
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, channel_id),
    FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE whatsapp_window_fallbacks ENABLE ROW LEVEL SECURITY;
ALTER TABLE whatsapp_window_fallbacks FORCE ROW LEVEL SECURITY;
CREATE POLICY whatsapp_window_fallbacks_tenant ON whatsapp_window_fallbacks
    USING (tenant_id = parley_current_tenant()) WITH CHECK (tenant_id = parley_current_tenant());
