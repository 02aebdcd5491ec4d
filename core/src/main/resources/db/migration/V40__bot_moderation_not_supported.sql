-- Message moderation is not built yet (issue 9: every stored setting must have an effect). The API now rejects
-- moderation = true and answers false; bots stored with true before are set back, so no row claims a setting
-- that nothing reads. The column stays for the moderation work to use.
-- FORCE row-level security would hide every row from the owner here (no tenant is set in a migration), so it is
-- lifted for this one statement, inside the migration's transaction.
ALTER TABLE bots NO FORCE ROW LEVEL SECURITY;
UPDATE bots SET moderation = false WHERE moderation;
ALTER TABLE bots FORCE ROW LEVEL SECURITY;
