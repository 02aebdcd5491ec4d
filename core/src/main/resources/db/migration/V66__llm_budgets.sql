-- LLM budgets a tenant sets on top of its plan (docs/billing.md#budgets-and-hard-caps), for the whole tenant
-- (scope 'tenant') or one bot (scope 'bot:<id>'), per UTC month and/or UTC day, in micro-USD.
CREATE TABLE llm_budgets (
    tenant_id      uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    scope          text        NOT NULL CHECK (scope = 'tenant' OR scope ~ '^bot:[0-9a-f-]{36}$'),
    bot_id         uuid,
    monthly_micros bigint      CHECK (monthly_micros > 0),
    daily_micros   bigint      CHECK (daily_micros > 0),
    -- alert at these percentages of each limit, once per threshold per period
    thresholds     integer[]   NOT NULL DEFAULT '{50,80,100}',
    -- stop LLM calls at the limit (checked before each call); false = alerts only
    hard_cap       boolean     NOT NULL DEFAULT true,
    -- what the bot does at the cap: its cap message, a cheaper model, or flows only (anything else: fallback text)
    at_cap         text        NOT NULL DEFAULT 'message' CHECK (at_cap IN ('message', 'cheaper_model', 'flows_only')),
    cap_model      text        CHECK (length(cap_model) BETWEEN 1 AND 200),
    cap_message    text        CHECK (length(cap_message) BETWEEN 1 AND 2000),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, scope),
    FOREIGN KEY (tenant_id, bot_id) REFERENCES bots (tenant_id, id) ON DELETE CASCADE,
    CHECK ((scope = 'tenant') = (bot_id IS NULL)),
    CHECK (at_cap <> 'cheaper_model' OR cap_model IS NOT NULL)
);
ALTER TABLE llm_budgets ENABLE ROW LEVEL SECURITY;
ALTER TABLE llm_budgets FORCE ROW LEVEL SECURITY;
CREATE POLICY llm_budgets_tenant ON llm_budgets USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- What each budgeted scope spent in each period ('2026-12' or '2026-12-07'), kept exactly by the gate: created from
-- llm_usage the first time a period is checked, then added to after every call.
CREATE TABLE llm_budget_spend (
    tenant_id    uuid   NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    scope        text   NOT NULL,
    period       text   NOT NULL,
    spent_micros bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, scope, period)
);
ALTER TABLE llm_budget_spend ENABLE ROW LEVEL SECURITY;
ALTER TABLE llm_budget_spend FORCE ROW LEVEL SECURITY;
CREATE POLICY llm_budget_spend_tenant ON llm_budget_spend USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());

-- LLM calls under way: each holds an upper bound of its cost until it is settled, or until it expires (a process
-- that died mid-call).
CREATE TABLE llm_budget_reservations (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id              uuid        NOT NULL,
    bot_id          uuid        NOT NULL,
    estimate_micros bigint      NOT NULL CHECK (estimate_micros >= 0),
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX llm_budget_reservations_bot_idx ON llm_budget_reservations (tenant_id, bot_id);
ALTER TABLE llm_budget_reservations ENABLE ROW LEVEL SECURITY;
ALTER TABLE llm_budget_reservations FORCE ROW LEVEL SECURITY;
CREATE POLICY llm_budget_reservations_tenant ON llm_budget_reservations USING (tenant_id = parley_current_tenant())
    WITH CHECK (tenant_id = parley_current_tenant());
