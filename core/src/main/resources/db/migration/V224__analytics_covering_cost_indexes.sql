-- costs?by=contact (docs/analytics.md, "The most expensive contacts"): its two reads answered from the indexes alone.
-- Each month's most expensive contacts came from the cost index and then each row's contact_id from the table (a
-- heap fetch per row: 28 ms for 4 × 400 rows on the 2 M-message benchmark, 0.9 ms index-only); the candidates'
-- exact sums read their contact-days by the contact index and then the table (125 ms for 1,600 candidates, 64 ms
-- index-only; bench/README.md, "latency"). Each index replaces the one it extends, so writes keep one index each.
CREATE INDEX analytics_contact_months_list_idx
    ON analytics_contact_months (tenant_id, bot_id, channel_id, month, cost DESC) INCLUDE (contact_id);
DROP INDEX analytics_contact_months_cost_idx;

CREATE INDEX analytics_contact_days_contact_cover_idx ON analytics_contact_days (tenant_id, contact_id, day)
    INCLUDE (bot_id, channel_id, messages_in, llm_calls, llm_cost_micros);
DROP INDEX analytics_contact_days_contact_idx;
