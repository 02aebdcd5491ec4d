package io.parley.worker.broadcast;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.broadcast.BroadcastJobs;
import io.parley.core.broadcast.BroadcastMessage;
import io.parley.core.broadcast.BroadcastPlanner;
import io.parley.core.broadcast.BroadcastRow;
import io.parley.core.broadcast.BroadcastState;
import io.parley.core.broadcast.BroadcastStore;
import io.parley.core.broadcast.RecipientRow;
import io.parley.core.broadcast.RecipientStore;
import io.parley.core.channel.ChannelType;
import io.parley.core.contact.ContactRepository;
import io.parley.core.queue.Job;
import io.parley.core.queue.JobHandler;
import io.parley.core.segment.SegmentDefinition;
import io.parley.core.tenancy.Ids;
import io.parley.core.testing.Fixtures;
import io.parley.worker.outbound.FakeProviders;
import io.parley.worker.outbound.OutboundTest;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * broadcast.send jobs against the fake LINE/WhatsApp/Telegram servers: each recipient messaged once, scheduled
 * broadcasts start once and only when due, a crash's in-flight recipients are never messaged twice, rejected
 * credentials and a used-up LINE quota pause the broadcast, and the governor paces WhatsApp sends.
 */
/** What the broadcast tests share: a planned broadcast on a fake provider's channel, its job run directly, its rows. */
abstract class BroadcastTest extends OutboundTest {

    protected static final String TEXT = "{\"parts\":[{\"type\":\"text\",\"text\":\"Hello {{contact.displayName}}\"}]}";
    protected static final String SAME_FOR_ALL = "{\"parts\":[{\"type\":\"text\",\"text\":\"Sale today\"}]}";

    @Inject
    BroadcastStore broadcasts;
    @Inject
    RecipientStore recipients;
    @Inject
    BroadcastPlanner planner;
    @Inject
    ContactRepository contactRows;
    @Inject
    DataSource dataSource;

    protected long jobIds = 1000;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.put("parley.outbound.rates.whatsapp-per-second", "5");
        return properties;
    }

    protected record Sent(Chat chat, UUID broadcast) {
    }

    protected Sent broadcast(Chat chat, int extraContacts, String messageJson, Instant at) {
        UUID id = Ids.next();
        scope.writeVoid(chat.tenant(), () -> {
            UUID t = chat.tenant().value();
            for (int i = 0; i < extraContacts; i++) {
                String user = chat.channel().channelType() == ChannelType.LINE
                        ? "U%032x".formatted(i + 1) : Long.toString(886900000100L + i);
                contactRows.upsertByIdentity(t, chat.channel().id(), user, "Contact " + i, null);
            }
            broadcasts.insert(t, id, "Test", null, List.of(chat.channel().id()), messageJson, null, "test");
            BroadcastPlanner.Planned planned = planner.plan(t, id, read("{}", SegmentDefinition.class),
                    List.of(chat.channel().id()), read(messageJson, BroadcastMessage.class));
            broadcasts.scheduled(t, id, at, planned.recipients(), planned.optedOut());
        });
        return new Sent(chat, id);
    }

    protected final Map<UUID, String> numbers = new java.util.concurrent.ConcurrentHashMap<>();

    protected Chat whatsapp() {
        String number = "pn-" + Ids.next();
        Chat chat = chat(ChannelType.WHATSAPP, Map.of("phoneNumberId", number, "accessToken", "wa-token"),
                "886900000001");
        numbers.put(chat.channel().id(), number);
        return chat;
    }

    /** A WhatsApp channel whose number has its own {@code messagesPerSecond}. */
    protected Chat whatsapp(int messagesPerSecond) {
        String number = "pn-" + messagesPerSecond + "-" + Ids.next();
        Chat chat = chat(ChannelType.WHATSAPP, Map.of("phoneNumberId", number, "accessToken", "wa-token",
                "messagesPerSecond", Integer.toString(messagesPerSecond)), "886900000001");
        numbers.put(chat.channel().id(), number);
        return chat;
    }

    protected void run(Sent sent) throws Exception {
        run(sent, 1, 10);
    }

    /** Runs the broadcast's job as its {@code attempt}th attempt of {@code maxAttempts}. */
    protected void run(Sent sent, int attempt, int maxAttempts) throws Exception {
        JobHandler handler = context.getBeansOfType(JobHandler.class).stream()
                .filter(h -> h.kind().equals(BroadcastJobs.KIND)).findFirst().orElseThrow();
        handler.run(new Job(++jobIds, sent.chat().tenant(), BroadcastJobs.KIND, BroadcastJobs.args(sent.broadcast()),
                attempt, maxAttempts));
    }

    protected BroadcastRow row(Sent sent) {
        return scope.read(sent.chat().tenant(), () -> broadcasts.find(sent.chat().tenant().value(),
                sent.broadcast()).orElseThrow());
    }

    protected List<RecipientRow> recipientsOf(Sent sent) {
        return scope.read(sent.chat().tenant(), () -> recipients.page(sent.chat().tenant().value(),
                sent.broadcast(), null, 0, 1000));
    }

    /** WhatsApp messages sent to these recipients' numbers on their broadcast's phone number. */
    protected List<Map<String, Object>> messagesTo(Sent sent, List<RecipientRow> rows) {
        String number = numbers.get(sent.chat().channel().id());
        List<String> users = rows.stream().map(RecipientRow::externalUserId).toList();
        return fake.requests("/" + number + "/messages").stream().map(FakeProviders.Request::json)
                .filter(body -> users.contains(String.valueOf(body.get("to")))).toList();
    }

    protected List<String> notificationKinds(Chat chat) {
        return scope.read(chat.tenant(), () -> {
            try (PreparedStatement select = dataSource.getConnection().prepareStatement(
                    "SELECT kind FROM notifications WHERE tenant_id = ?")) {
                select.setObject(1, chat.tenant().value());
                List<String> kinds = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        kinds.add(rows.getString(1));
                    }
                }
                return kinds;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    protected <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
