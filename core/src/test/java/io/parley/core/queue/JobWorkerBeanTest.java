package io.parley.core.queue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker as the application runs it: a context bean in worker processes, running every JobHandler bean. */
@MicronautTest(transactional = false)
class JobWorkerBeanTest implements DatabaseTest {

    static final String KIND = "test.bean-handler";

    @Inject
    ApplicationContext context;
    @Inject
    TenantScope scope;
    @Inject
    JobQueue queue;
    @Inject
    RecordingHandler handler;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("parley.test.recording-handler", "true");
        properties.put("parley.queue.concurrency", "4");
        return properties;
    }

    @Test
    void theWorkerProcessRunsJobsWithItsHandlerBeans() {
        TenantId tenant = new TenantId(Ids.next());
        assertThat(context.getBean(QueueSettings.class).concurrency()).isEqualTo(4);

        scope.write(tenant, () -> queue.enqueue(tenant, JobRequest.of(KIND, "{\"n\":1}")));

        QueueTest.await(() -> handler.tenants.contains(tenant), Duration.ofSeconds(5), "the handler bean to run");
    }

    @Test
    void onlyWorkerProcessesWithTheQueueEnabledRunJobs() {
        assertThat(context.findBean(JobWorker.class)).isPresent();
        assertThat(startedWith(Map.of("parley.roles", "api,web"))).isFalse();
        assertThat(startedWith(Map.of("parley.roles", "worker", "parley.queue.enabled", "false"))).isFalse();
        assertThat(startedWith(Map.of("parley.roles", "api, worker"))).isTrue();
    }

    private boolean startedWith(Map<String, String> overrides) {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("flyway.datasources.migrations.enabled", "false");
        properties.putAll(overrides);
        try (ApplicationContext other = ApplicationContext.run(properties, "test")) {
            return other.findBean(JobWorker.class).isPresent();
        }
    }

    @Singleton
    @Requires(property = "parley.test.recording-handler", value = "true")
    static final class RecordingHandler implements JobHandler {

        final List<TenantId> tenants = new CopyOnWriteArrayList<>();

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public void run(Job job) {
            tenants.add(job.tenant());
        }
    }
}
