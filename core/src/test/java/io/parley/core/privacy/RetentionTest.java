package io.parley.core.privacy;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.queue.Job;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.parley.core.testing.SuperuserSql.execute;
import static io.parley.core.testing.SuperuserSql.number;
import static org.assertj.core.api.Assertions.assertThat;

/** The retention job and its scheduler (docs/privacy.md "Retention"). */
@MicronautTest(transactional = false)
@Property(name = "parley.privacy.tombstone-days", value = "7")
@Property(name = "parley.privacy.retention-interval", value = "10m")
class RetentionTest implements DatabaseTest {

    @Inject
    RetentionHandler handler;
    @Inject
    RetentionScheduler scheduler;
    @Inject
    RetentionRepository retention;
    @Inject
    TenantScope scope;

    @Test
    void messagesAndEventsOlderThanTheTenantsDaysAreDeletedAndNewerOnesKept() {
        Tenant kept = Tenant.create();
        Tenant limited = Tenant.create();
        scope.writeVoid(limited.id(), () -> retention.setRetentionDays(limited.id().value(), 30));
        for (Tenant tenant : new Tenant[]{kept, limited}) {
            tenant.message(ago(40));
            tenant.message(ago(1));
            tenant.event(ago(40));
        }

        handler.run(job(limited));
        handler.run(job(kept));

        assertThat(limited.count("messages")).isEqualTo(1);
        assertThat(limited.count("inbound_events")).isZero();
        assertThat(kept.count("messages")).as("no retention: kept forever").isEqualTo(2);
        assertThat(kept.count("inbound_events")).isEqualTo(1);
    }

    @Test
    void tombstonesOlderThanTheConfiguredDaysArePurged() {
        Tenant tenant = Tenant.create();
        scope.writeVoid(tenant.id(), () -> retention.track(tenant.id().value()));
        tenant.tombstone("old", ago(8));
        tenant.tombstone("recent", ago(6));

        handler.run(job(tenant));

        assertThat(tenant.count("contact_erasures")).isEqualTo(1);
    }

    @Test
    void theSchedulerEnqueuesOneJobPerTrackedTenantAndInterval() {
        Tenant tenant = Tenant.create();
        Tenant untracked = Tenant.create();
        scope.writeVoid(tenant.id(), () -> retention.setRetentionDays(tenant.id().value(), 10));

        scheduler.enqueue(Instant.parse("2026-03-10T12:00:00Z"));
        scheduler.enqueue(Instant.parse("2026-03-10T12:09:59Z"));
        assertThat(tenant.jobs()).isEqualTo(1);
        scheduler.enqueue(Instant.parse("2026-03-10T12:10:00Z"));
        assertThat(tenant.jobs()).isEqualTo(2);
        assertThat(untracked.jobs()).isZero();
    }

    @Test
    void aClosedTenantWhoseGraceHasPassedIsDeletedWholeAndAnotherIsNot() {
        Tenant gone = Tenant.create();
        Tenant graced = Tenant.create();
        for (Tenant tenant : new Tenant[]{gone, graced}) {
            tenant.message(ago(1));
            tenant.event(ago(1));
            scope.writeVoid(tenant.id(), () -> retention.close(tenant.id().value(), 3));
        }
        execute("UPDATE tenant_privacy SET delete_after = now() - interval '1 minute' WHERE tenant_id = ?",
                gone.id().value());

        handler.run(job(gone));
        handler.run(job(graced));

        assertThat(Tenant.rowsAnywhere(gone.id().value())).as("no table keeps a row of the tenant").isZero();
        assertThat(graced.count("messages")).isEqualTo(1);
        assertThat(graced.count("tenants", "id")).isEqualTo(1);
    }

    private static Instant ago(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    private static Job job(Tenant tenant) {
        return new Job(1, tenant.id(), RetentionHandler.KIND, "{}", 1, 5);
    }

    /** A tenant with one conversation, written as the database superuser at chosen times. */
    record Tenant(TenantId id, UUID channel, UUID conversation) {

        static Tenant create() {
            UUID tenant = Ids.next();
            UUID bot = Ids.next();
            UUID channel = Ids.next();
            UUID contact = Ids.next();
            UUID conversation = Ids.next();
            execute("INSERT INTO tenants (id, name) VALUES (?, 'Retention Co')", tenant);
            execute("INSERT INTO bots (tenant_id, id, name) VALUES (?, ?, 'Helper')", tenant, bot);
            execute("INSERT INTO channels (tenant_id, id, bot_id, type, name) VALUES (?, ?, ?, 'line', 'LINE')",
                    tenant, channel, bot);
            execute("INSERT INTO contacts (tenant_id, id) VALUES (?, ?)", tenant, contact);
            execute("INSERT INTO conversations (tenant_id, id, bot_id, channel_id, contact_id) VALUES (?, ?, ?, ?, ?)",
                    tenant, conversation, bot, channel, contact);
            return new Tenant(new TenantId(tenant), channel, conversation);
        }

        void message(Instant at) {
            execute("INSERT INTO messages (tenant_id, id, conversation_id, direction, sender, type, text, status, "
                    + "created_at) VALUES (?, ?, ?, 'inbound', 'contact', 'text', 'hi', 'received', ?)",
                    id.value(), Ids.next(), conversation, Timestamp.from(at));
        }

        void event(Instant at) {
            execute("INSERT INTO inbound_events (tenant_id, id, channel_id, provider_event_id, kind, payload, "
                    + "received_at) VALUES (?, ?, ?, ?, 'text', '{}', ?)", id.value(), Ids.next(), channel, "ev-" + Ids.next(),
                    Timestamp.from(at));
        }

        void tombstone(String user, Instant at) {
            execute("INSERT INTO contact_erasures (tenant_id, channel_id, identity_hash, erased_at) "
                    + "VALUES (?, ?, parley_identity_hash(?, ?), ?)", id.value(), channel, channel, user,
                    Timestamp.from(at));
        }

        long count(String table) {
            return count(table, "tenant_id");
        }

        long count(String table, String column) {
            return number("SELECT count(*) FROM " + table + " WHERE " + column + " = ?", id.value());
        }

        /** Rows of the tenant in every table of the schema with a tenant_id, and the tenant's own row. */
        static long rowsAnywhere(UUID tenant) {
            return number("SELECT (SELECT count(*) FROM tenants WHERE id = ?) + coalesce(sum((xpath('/row/n/text()', "
                    + "query_to_xml(format('SELECT count(*) AS n FROM %I WHERE tenant_id = %L', c.table_name, ?), "
                    + "false, true, '')))[1]::text::bigint), 0) FROM information_schema.columns c "
                    + "JOIN information_schema.tables t ON t.table_schema = c.table_schema "
                    + "AND t.table_name = c.table_name WHERE c.table_schema = 'public' "
                    + "AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'", tenant, tenant.toString());
        }

        long jobs() {
            return number("SELECT count(*) FROM jobs WHERE tenant_id = ? AND kind = 'privacy.retention'", id.value());
        }
    }
}
