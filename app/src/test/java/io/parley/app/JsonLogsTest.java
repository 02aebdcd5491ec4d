package io.parley.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.parley.core.observability.LogContext;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's logback.xml: PARLEY_LOG_FORMAT=json makes each line one JSON object carrying the MDC's ids. */
class JsonLogsTest {

    @Test
    void withTheJsonFormatALogLineIsAJsonObjectWithTheTenantBotAndConversationIds() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID bot = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();

        MDC.put(LogContext.TENANT, tenant.toString());
        LogContext.conversation(bot, null, conversation);

        String out = logOnce("json", logger -> logger.info("Turn {} answered", 7));

        Map<String, Object> line = JsonMapper.createDefault().readValue(out.lines()
                .filter(l -> l.contains("Turn 7")).findFirst().orElseThrow(), Argument.mapOf(String.class, Object.class));
        assertThat(line).containsEntry("level", "INFO").containsEntry("loggerName", "parley.test")
                .containsEntry("formattedMessage", "Turn 7 answered");
        assertThat(line.get("mdc")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("tenant_id", tenant.toString()).containsEntry("bot_id", bot.toString())
                .containsEntry("conversation_id", conversation.toString());
    }

    @Test
    void theDefaultFormatIsOneLineOfText() throws Exception {
        String out = logOnce(null, logger -> logger.info("plain {}", "text"));

        assertThat(out).contains("INFO  [").contains("parley.test - plain text").doesNotContain("{\"");
    }

    /** Configures a fresh logger context from the jar's logback.xml, logs, and returns what its appender wrote. */
    private static String logOnce(String format, Consumer<org.slf4j.Logger> logging) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter()); // the one org.slf4j.MDC (and so LogContext) writes to
        context.start();
        try {
            if (format != null) {
                context.putProperty("PARLEY_LOG_FORMAT", format);
            }
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(JsonLogsTest.class.getResource("/logback.xml"));
            assertThat(context.getStatusManager().getCopyOfStatusList()).as("logback.xml loads cleanly")
                    .allSatisfy(status -> assertThat(status.getLevel()).as(status.toString()).isEqualTo(Status.INFO));
            // the console appender's stream, not System.out: logback's console target holds the JVM's first one
            ((OutputStreamAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT"))
                    .setOutputStream(captured);
            logging.accept(context.getLogger("parley.test"));
            assertThat(context.getStatusManager().getCopyOfStatusList()).as("the event was written")
                    .allSatisfy(status -> assertThat(status.getLevel()).as(status.toString()).isEqualTo(Status.INFO));
        } finally {
            context.stop();
            MDC.clear();
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
