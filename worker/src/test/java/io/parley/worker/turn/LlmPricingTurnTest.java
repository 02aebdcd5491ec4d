package io.parley.worker.turn;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.llmprice.TenantLlmPriceRepository;
import io.parley.core.usage.AnsweredTurnRepository;
import io.parley.core.usage.AnsweredTurnRow;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The price table on the turn path: operator prices from the configuration (here gpt-4o-mini, and a dotted model
 * through {@code model}), the tenant's own prices winning for that tenant, unpriced models flagged instead of
 * silently free, and the ledger row of every answered turn with its bot and channel.
 */
@MicronautTest(transactional = false)
class LlmPricingTurnTest extends TurnTest {

    private final FakeLlm llm = new FakeLlm();

    @Inject
    TenantLlmPriceRepository tenantPrices;
    @Inject
    AnsweredTurnRepository answered;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("parley.llm.prices.gpt-4o-mini.input-per-million", "150000");
        properties.put("parley.llm.prices.gpt-4o-mini.output-per-million", "600000");
        properties.put("parley.llm.prices.gpt41.model", "gpt-4.1");
        properties.put("parley.llm.prices.gpt41.input-per-million", "2000000");
        properties.put("parley.llm.prices.gpt41.output-per-million", "8000000");
        return properties;
    }

    @AfterAll
    void stopTheFake() {
        llm.close();
    }

    @Test
    void aCallOfAModelWithoutAPriceIsFlaggedUnpricedNotCountedFree() {
        BotSpec spec = BotSpec.llm(llm);
        spec.model = "my-own-llama";
        World world = world(spec, "line");

        say(world, "U1", "how much?");

        assertThat(usageOf(world)).singleElement().satisfies(row -> {
            assertThat(row.unpriced()).isTrue();
            assertThat(row.costMicros()).isZero();
        });
    }

    @Test
    void theOperatorPricesAModelWhoseNameHasADotThroughItsModelProperty() {
        BotSpec spec = BotSpec.llm(llm);
        spec.model = "gpt-4.1";
        World world = world(spec, "line");

        say(world, "U1", "how much?");

        // 28 × $2/M + 9 × $8/M = 128 micro-USD
        assertThat(usageOf(world)).singleElement().satisfies(row -> {
            assertThat(row.unpriced()).isFalse();
            assertThat(row.costMicros()).isEqualTo(128);
        });
    }

    @Test
    void theTenantsOwnPriceWinsOverTheOperatorsForThatTenantOnly() {
        World mine = world(BotSpec.llm(llm), "line");
        World other = world(BotSpec.llm(llm), "line");
        scope.writeVoid(mine.tenant(), () -> tenantPrices.upsert(mine.tenant().value(), "gpt-4o-mini", 1_000_000,
                2_000_000));

        say(mine, "U1", "how much?");
        say(other, "U1", "how much?");

        // 28 × $1/M + 9 × $2/M = 46; the other tenant pays the operator's 28 × $0.15/M + 9 × $0.60/M = 9.6 → 10
        assertThat(usageOf(mine)).singleElement().satisfies(row -> assertThat(row.costMicros()).isEqualTo(46));
        assertThat(usageOf(other)).singleElement().satisfies(row -> assertThat(row.costMicros()).isEqualTo(10));
    }

    @Test
    void aTenantsPriceOfZeroMakesItsSelfHostedModelFreeAndNotUnpriced() {
        BotSpec spec = BotSpec.llm(llm);
        spec.model = "llama3:8b";
        World world = world(spec, "line");
        scope.writeVoid(world.tenant(), () -> tenantPrices.upsert(world.tenant().value(), "llama3:8b", 0, 0));

        say(world, "U1", "free?");

        assertThat(usageOf(world)).singleElement().satisfies(row -> {
            assertThat(row.unpriced()).isFalse();
            assertThat(row.costMicros()).isZero();
        });
    }

    @Test
    void theDemoLlmIsPricedZeroByDefaultSoItsCallsAreNotFlagged() {
        World world = world(new BotSpec(), "web");

        say(world, "U1", "Are you real?");

        assertThat(usageOf(world)).singleElement().satisfies(row -> {
            assertThat(row.provider()).isEqualTo("demo");
            assertThat(row.unpriced()).isFalse();
        });
    }

    @Test
    void everyAnsweredTurnIsInTheLedgerOnceWithItsBotAndChannel() {
        World world = world(BotSpec.llm(llm), "telegram");
        UUID inbound = store(world, text(world, "U1", "ledger me"));
        run(world, inbound);
        run(world, inbound); // a second run of the same turn

        assertThat(answeredTurns(world)).singleElement().satisfies(row -> {
            assertThat(row.botId()).isEqualTo(world.bot());
            assertThat(row.channelId()).isEqualTo(world.channel());
            assertThat(row.conversationId()).isEqualTo(conversation(world, inbound).id());
        });
        assertThat(usageOf(world)).singleElement()
                .satisfies(row -> assertThat(row.channelId()).isEqualTo(world.channel()));
    }

    private List<AnsweredTurnRow> answeredTurns(World world) {
        return scope.read(world.tenant(), () -> answered.between(world.tenant().value(), Instant.EPOCH,
                Instant.now().plusSeconds(60)));
    }
}
