package io.parley.worker.turn;

/** A bot to create in a test; fields are the columns, defaults are a plain OpenAI-compatible bot. */
final class BotSpec {

    String name = "Mei";
    String status = "active";
    String persona = "You are {{bot.name}}. The user is {{contact.displayName}}.";
    String provider = "openai-compatible";
    String baseUrl;
    String apiKey;
    String model = "gpt-4o-mini";
    Integer timeoutMs;
    int historyWindow = 10;
    String welcome;
    String fallback;
    String limitMessage;
    String conversion = "none";
    Integer perHour;
    Integer perDay;
    String tierLimits = "{}";
    /** bots.moderation (V155): ModerationSettings as JSON. */
    String moderation = "{}";
    /** bots.memory_settings (V161): SummarySettings as JSON. */
    String memory = "{}";

    static BotSpec llm(FakeLlm llm) {
        BotSpec spec = new BotSpec();
        spec.baseUrl = llm.baseUrl();
        spec.apiKey = "sk-test-0123456789";
        return spec;
    }

    static BotSpec demo() {
        BotSpec spec = new BotSpec();
        spec.provider = "demo";
        return spec;
    }
}
