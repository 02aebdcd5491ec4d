-- A full rebuild of a tenant's rollups (its first refresh, a time zone change, rollups built before V135 or V150)
-- runs in slices of whole ISO weeks, oldest first, each slice its own transaction (issue 11, docs/analytics.md
-- "Full rebuilds"): the columns below record a rebuild under way, so a crash resumes it at the next slice.
--
-- rebuild_next      the first local day not rebuilt yet (a Monday); NULL: no rebuild under way
-- rebuild_zone      the zone the rebuild builds in, and its bucket alignment (another one restarts it)
-- rebuild_align
-- rebuild_snapshot  the snapshot taken when the rebuild started, and when: once the last slice is done they become
-- rebuild_started   the state's snapshot and watermark, so the next incremental refresh recomputes whatever
--                   changed while the rebuild ran
ALTER TABLE analytics_rollup_state
    ADD COLUMN rebuild_next date,
    ADD COLUMN rebuild_zone text,
    ADD COLUMN rebuild_align integer,
    ADD COLUMN rebuild_snapshot pg_snapshot,
    ADD COLUMN rebuild_started timestamptz;
