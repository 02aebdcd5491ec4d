-- The LLM price table and the usage ledger (docs/billing.md "The LLM price table", "The usage ledger").
--
-- llm_prices is the operator's price table, a projection of parley.llm.prices.* rewritten at every start by
-- LlmPriceCatalogSync (like plans, V55): global reference data, no tenant. tenant_llm_prices are a tenant's own prices
-- for the models of its own keys; for that tenant they win over the operator's row of the same model.
CREATE TABLE llm_prices (
    model              text PRIMARY KEY,
    input_per_million  bigint      NOT NULL CHECK (input_per_million >= 0),
    output_per_million bigint      NOT NULL CHECK (output_per_million >= 0),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tenant_llm_prices (
    tenant_id          uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    model              text        NOT NULL,
    input_per_million  bigint      NOT NULL CHECK (input_per_million >= 0),
    output_per_million bigint      NOT NULL CHECK (output_per_million >= 0),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, model)
);
ALTER TABLE tenant_llm_prices ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_llm_prices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_llm_prices_tenant ON tenant_llm_prices USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- A call of a model with no price is flagged, never silently costed at 0 (cost_micros stays 0 for it, so sums read
-- by analytics keep working; `unpriced` says the 0 is unknown, not free). channel_id makes the ledger readable per
-- channel; rows written before V60 have none.
ALTER TABLE llm_usage
    ADD COLUMN unpriced   boolean NOT NULL DEFAULT false,
    ADD COLUMN channel_id uuid;
CREATE INDEX llm_usage_period_idx ON llm_usage (tenant_id, created_at);

-- One row per answered turn (the turns usage_counters.messages counts), written in the turn's last transaction:
-- append-only, so busy turns never wait on each other's row locks, and readable per bot and channel. The id is the
-- turn's event id: a turn run twice writes it once.
CREATE TABLE answered_turns (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id              uuid        NOT NULL,
    bot_id          uuid        NOT NULL,
    channel_id      uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    answered_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX answered_turns_period_idx ON answered_turns (tenant_id, answered_at);
ALTER TABLE answered_turns ENABLE ROW LEVEL SECURITY;
ALTER TABLE answered_turns FORCE ROW LEVEL SECURITY;
CREATE POLICY answered_turns_tenant ON answered_turns USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
