package io.parley.api.flow;

import io.parley.api.testing.ApiClient;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates bots and flows for flow tests, failing loudly when the API refuses. */
final class FlowApi {

    private final ApiClient api;

    FlowApi(ApiClient api) {
        this.api = api;
    }

    static String flows(String bot) {
        return "/api/v1/bots/" + bot + "/flows";
    }

    /** A bot (the free plan allows one per tenant) with {@code fields} added to its name. */
    String bot(Session owner, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("name", "Lumi");
        Reply bot = api.post("/api/v1/bots", owner.accessToken(), body);
        if (bot.status() != 201) {
            throw new IllegalStateException("bot: " + bot.status() + " " + bot.text());
        }
        return bot.string("id");
    }

    String create(Session owner, String bot, String name, int priority, Map<String, Object> trigger,
                  List<Map<String, Object>> steps) {
        return create(owner.accessToken(), bot, Map.of("name", name, "priority", priority, "trigger", trigger,
                "steps", steps));
    }

    String create(String credential, String bot, Map<String, Object> body) {
        Reply flow = api.post(flows(bot), credential, body);
        if (flow.status() != 201) {
            throw new IllegalStateException("flow: " + flow.status() + " " + flow.text());
        }
        return flow.string("id");
    }
}
