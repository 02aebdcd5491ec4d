package io.parley.worker.template;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import io.parley.core.template.TemplateRepository;
import io.parley.core.template.TemplateRow;
import io.parley.core.tenancy.Ids;
import io.parley.worker.testing.Channels;
import io.parley.worker.testing.WorkerTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** message_template_status_update notifications: enqueued by the WhatsApp webhook, applied by the job. */
@MicronautTest(transactional = false)
class TemplateStatusWebhookTest extends WorkerTest {

    @Inject
    ApplicationContext context;
    @Inject
    TemplateRepository templates;

    private long jobIds = 1_000;

    @Test
    void aRejectionAndALaterApprovalMoveTheStoredStatusWithMetasReason() throws Exception {
        Channels.Created channel = channels().whatsapp();
        UUID id = pendingTemplate(channel);

        deliver(channel, "webhook-template-status-rejected.json");
        runJobs(channel);
        TemplateRow rejected = template(channel, id);
        deliver(channel, "webhook-template-status-approved.json");
        runJobs(channel);
        TemplateRow approved = template(channel, id);

        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.rejectionReason()).isEqualTo("INVALID_FORMAT");
        assertThat(approved.status()).isEqualTo("APPROVED");
        assertThat(approved.rejectionReason()).isNull();
    }

    @Test
    void aRedeliveredNotificationIsEnqueuedOnce() {
        Channels.Created channel = channels().whatsapp();

        deliver(channel, "webhook-template-status-rejected.json");
        deliver(channel, "webhook-template-status-rejected.json");

        assertThat(templateJobs(channel)).singleElement().satisfies(job -> assertThat(job.get("unique_key"))
                .isEqualTo("wa-template:" + channel.id() + ":1402956613853653:REJECTED:1768470000"));
        assertThat(rows().events(channel.id())).isEmpty();
    }

    @Test
    void anotherTenantsTemplateWithTheSameMetaIdIsNotTouched() throws Exception {
        Channels.Created mine = channels().whatsapp();
        Channels.Created theirs = channels().whatsapp();
        UUID theirTemplate = pendingTemplate(theirs);

        deliver(mine, "webhook-template-status-rejected.json");
        runJobs(mine);

        assertThat(template(theirs, theirTemplate).status()).isEqualTo("PENDING");
    }

    private UUID pendingTemplate(Channels.Created channel) {
        UUID id = Ids.next();
        scope.writeVoid(channel.tenant(), () -> templates.upsert(channel.tenant().value(), id, channel.id(),
                "1402956613853653", "order_update", "zh_TW", "UTILITY", "PENDING", null,
                "[{\"type\":\"BODY\",\"text\":\"Your order {{1}} ships on {{2}}.\"}]", true));
        return id;
    }

    private TemplateRow template(Channels.Created channel, UUID id) {
        return scope.read(channel.tenant(), () -> templates.find(channel.tenant().value(), id).orElseThrow());
    }

    private void deliver(Channels.Created channel, String fixture) {
        byte[] body = resource(fixture);
        assertThat(http().post("webhooks/whatsapp/" + channel.id(), body,
                Map.of("X-Hub-Signature-256", sign(body))).status()).isEqualTo(200);
    }

    private List<Map<String, Object>> templateJobs(Channels.Created channel) {
        return rows().jobs(channel.tenant().value()).stream()
                .filter(job -> TemplateStatusHandler.KIND.equals(job.get("kind"))).toList();
    }

    /** The queue is off in worker tests: run the enqueued jobs' handler directly, as the worker would. */
    private void runJobs(Channels.Created channel) throws Exception {
        JobHandler handler = context.getBeansOfType(JobHandler.class).stream()
                .filter(candidate -> candidate.kind().equals(TemplateStatusHandler.KIND)).findFirst().orElseThrow();
        for (Map<String, Object> job : templateJobs(channel)) {
            if (!"completed".equals(job.get("state"))) {
                handler.run(new Job(++jobIds, channel.tenant(), TemplateStatusHandler.KIND,
                        String.valueOf(job.get("args")), 1, 10));
            }
        }
        rows().query("UPDATE jobs SET state = 'completed' WHERE tenant_id = ? AND kind = ? RETURNING id",
                channel.tenant().value(), TemplateStatusHandler.KIND);
    }

    private static byte[] resource(String name) {
        try (InputStream in = TemplateStatusWebhookTest.class.getResourceAsStream("/whatsapp-templates/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Channels.META_APP_SECRET.getBytes(), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
