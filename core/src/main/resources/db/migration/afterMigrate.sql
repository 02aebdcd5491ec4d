-- Flyway callback, run after every migrate: the application role gets data access (never ownership) to every
-- table, including tables added by later migrations. ${approle} is the datasource user.
GRANT USAGE ON SCHEMA public TO "${approle}";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${approle}";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${approle}";
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO "${approle}";
