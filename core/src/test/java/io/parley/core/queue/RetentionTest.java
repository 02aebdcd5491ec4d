package io.parley.core.queue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.tenancy.TenantId;
import io.parley.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Finished jobs leave the table after their retention; waiting and running jobs never do. */
@MicronautTest(transactional = false)
class RetentionTest extends QueueTest {

    @Test
    void finishedJobsAreDeletedOnlyAfterTheirRetention() throws SQLException {
        TenantId tenant = newTenant();
        String kind = kind("retention");
        long oldCompleted = finished(tenant, kind, "completed", "2 days");
        long recentCompleted = finished(tenant, kind, "completed", "1 hour");
        long oldDiscarded = finished(tenant, kind, "discarded", "8 days");
        long recentDiscarded = finished(tenant, kind, "discarded", "2 days");
        long waiting = enqueue(tenant, JobRequest.of(kind, "{}"));

        store.clean(Duration.ofHours(24), Duration.ofDays(7), 1000);

        assertThat(exists(tenant, oldCompleted)).isFalse();
        assertThat(exists(tenant, oldDiscarded)).isFalse();
        assertThat(List.of(recentCompleted, recentDiscarded, waiting)).allMatch(id -> exists(tenant, id));
    }

    private long finished(TenantId tenant, String kind, String state, String ago) throws SQLException {
        long id = enqueue(tenant, JobRequest.of(kind, "{}"));
        try (Connection superuser = TestDatabase.shared().openSuperuserConnection();
             PreparedStatement age = superuser.prepareStatement("UPDATE jobs SET state = ?, finalized_at = now() - "
                     + "CAST(? AS interval) WHERE id = ?")) {
            age.setString(1, state);
            age.setString(2, ago);
            age.setLong(3, id);
            age.executeUpdate();
        }
        return id;
    }

    private boolean exists(TenantId tenant, long id) {
        Optional<JobRow> row = scope.read(tenant, () -> jobs.find(tenant.value(), id));
        return row.isPresent();
    }
}
