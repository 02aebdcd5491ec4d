-- The send rate governor (docs/broadcasts.md "Rate governor"): one token bucket per provider scope (a WhatsApp
-- number, a LINE channel, a Telegram bot, a Telegram chat), shared by every worker process. Not tenant data: keys
-- name channels by id only, and no tenant reads them, so no row-level security.
CREATE TABLE send_rate_buckets (
    key          text             PRIMARY KEY,
    tokens       double precision NOT NULL,
    refreshed_at timestamptz      NOT NULL DEFAULT clock_timestamp()
);
