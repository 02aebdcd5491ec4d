-- What a contact gets when the tenant's plan quota is used up (answered messages this month, or the plan's LLM
-- budget): distinct from limit_message, which is about the contact's own per-hour/per-day limit (docs/billing.md).
ALTER TABLE bots ADD COLUMN quota_message text CHECK (length(quota_message) <= 2000);
