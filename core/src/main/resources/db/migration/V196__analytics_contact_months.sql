-- Upper bounds for the most expensive contacts of a range (costs?by=contact, docs/analytics.md "Costs by contact"):
-- per scope (bot and channel, the zero UUID for "any", as analytics_active_days), local month and contact, the
-- contact's LLM cost in the month (negative costs count 0). The read takes each month's most expensive contacts
-- from the cost index and sums only those exactly from the contact-days, until no other contact can reach the top
-- (a contact's cost in a range is at most the sum of its months'). The refresh re-sums the months of the contacts
-- whose contact-days it wrote; a row left too high is only a looser bound.
CREATE TABLE analytics_contact_months (
    tenant_id   uuid   NOT NULL,
    contact_id  uuid   NOT NULL,
    month       date   NOT NULL,
    bot_id      uuid   NOT NULL,
    channel_id  uuid   NOT NULL,
    cost        bigint NOT NULL,
    PRIMARY KEY (tenant_id, contact_id, month, bot_id, channel_id)
);
CREATE INDEX analytics_contact_months_cost_idx
    ON analytics_contact_months (tenant_id, bot_id, channel_id, month, cost DESC);

-- the rollups built so far
ALTER TABLE analytics_contact_days NO FORCE ROW LEVEL SECURITY;
INSERT INTO analytics_contact_months (tenant_id, contact_id, month, bot_id, channel_id, cost)
SELECT h.tenant_id, h.contact_id, CAST(date_trunc('month', h.day) AS date), s.bot_id, s.channel_id,
       sum(greatest(h.llm_cost_micros, 0))
FROM analytics_contact_days h
CROSS JOIN LATERAL (VALUES (h.bot_id, h.channel_id), (h.bot_id, CAST('00000000-0000-0000-0000-000000000000' AS uuid)),
    (CAST('00000000-0000-0000-0000-000000000000' AS uuid), h.channel_id),
    (CAST('00000000-0000-0000-0000-000000000000' AS uuid), CAST('00000000-0000-0000-0000-000000000000' AS uuid)))
    AS s(bot_id, channel_id)
GROUP BY 1, 2, 3, 4, 5;
ALTER TABLE analytics_contact_days FORCE ROW LEVEL SECURITY;

ALTER TABLE analytics_contact_months ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_contact_months FORCE ROW LEVEL SECURITY;
CREATE POLICY analytics_contact_months_tenant ON analytics_contact_months
    USING (tenant_id = parley_current_tenant()) WITH CHECK (tenant_id = parley_current_tenant());
