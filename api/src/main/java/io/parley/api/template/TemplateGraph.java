package io.parley.api.template;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.parley.core.channel.ChannelType;
import io.parley.core.channel.ProviderApi;
import io.parley.core.channel.ProviderEndpoints;
import io.parley.core.channel.ProviderUnreachable;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemKind;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The WhatsApp Business Management API's template endpoints (docs/whatsapp-templates.md, "Protocol"):
 * {@code GET /{waba-id}/message_templates} page by page, {@code POST} to submit one, {@code DELETE ?name=} (and
 * {@code hsm_id} for one language). Pages are followed with {@code paging.cursors.after} against the configured Graph
 * URL, never with the {@code paging.next} URL itself, so the access token only ever goes to that host.
 */
@Singleton
final class TemplateGraph {

    static final String FIELDS = "id,name,language,category,status,components,rejected_reason";
    static final int PAGE_SIZE = 100;
    /** A WABA holds at most a few thousand templates; a paging loop past this is a provider bug, not data. */
    static final int MAX_PAGES = 100;

    private static final Logger LOG = LoggerFactory.getLogger(TemplateGraph.class);

    private final ProviderApi api;
    private final ProviderEndpoints endpoints;

    TemplateGraph(ProviderApi api, ProviderEndpoints endpoints) {
        this.api = api;
        this.endpoints = endpoints;
    }

    /** A template as Meta lists it. */
    record Listed(@Nullable String id, String name, String language, String category, String status,
                  @Nullable String rejectedReason, List<Object> components) {
    }

    /** Every template of the WABA, over all pages. */
    List<Listed> list(String wabaId, String token) {
        List<Listed> templates = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String uri = base(wabaId) + "?fields=" + FIELDS + "&limit=" + PAGE_SIZE
                    + (after == null ? "" : "&after=" + encode(after));
            ProviderApi.Answer answer = checked(call(() -> api.get(ChannelType.WHATSAPP, URI.create(uri),
                    bearer(token))));
            if (answer.value("data") instanceof List<?> data) {
                for (Object item : data) {
                    if (item instanceof Map<?, ?> map && text(map.get("name")) != null
                            && text(map.get("language")) != null) {
                        templates.add(new Listed(text(map.get("id")), text(map.get("name")), text(map.get("language")),
                                orEmpty(text(map.get("category"))), orEmpty(text(map.get("status"))),
                                reason(text(map.get("rejected_reason"))),
                                map.get("components") instanceof List<?> list ? List.copyOf(list) : List.of()));
                    }
                }
            }
            after = answer.text("paging", "cursors", "after");
            if (answer.value("paging", "next") == null || after == null) {
                return templates;
            }
        }
        LOG.warn("WhatsApp template list of a WABA did not end after {} pages", MAX_PAGES);
        return templates;
    }

    /** Submits a template for review; answers Meta's {@code {id, status, category}}. */
    ProviderApi.Answer create(String wabaId, String token, Object body) {
        return checked(call(() -> api.post(ChannelType.WHATSAPP, URI.create(base(wabaId)), body, bearer(token))));
    }

    /** Deletes the template's language {@code metaId} (or every language of {@code name} when null). */
    void delete(String wabaId, String token, String name, @Nullable String metaId) {
        String uri = base(wabaId) + "?name=" + encode(name) + (metaId == null ? "" : "&hsm_id=" + encode(metaId));
        ProviderApi.Answer answer = call(() -> api.delete(ChannelType.WHATSAPP, URI.create(uri), bearer(token)));
        if (answer.status() == 404) {
            return; // already gone at Meta: deleting here is what the caller wants
        }
        checked(answer);
    }

    private String base(String wabaId) {
        return endpoints.whatsappApiUrl() + "/" + wabaId + "/message_templates";
    }

    private interface Call {
        ProviderApi.Answer run() throws ProviderUnreachable;
    }

    private static ProviderApi.Answer call(Call call) {
        try {
            return call.run();
        } catch (ProviderUnreachable e) {
            LOG.warn("{} during a WhatsApp template call", e.getMessage());
            throw unreachable(e.getMessage());
        }
    }

    /** 429 and Meta's rate-limit codes say nothing about the request: 502 to retry; other refusals are 409. */
    private static ProviderApi.Answer checked(ProviderApi.Answer answer) {
        if (answer.ok()) {
            return answer;
        }
        long code = answer.number("error", "code");
        if (answer.status() == 429 || code == 4 || code == 80007 || code == 130429) {
            throw unreachable("WhatsApp answered " + answer.status() + " (rate limited)");
        }
        String message = answer.text("error", "error_user_msg") != null ? answer.text("error", "error_user_msg")
                : answer.text("error", "message");
        throw new ProblemException(ProblemKind.CONFLICT, HttpStatus.CONFLICT, "WhatsApp refused the request ("
                + (code < 0 ? "HTTP " + answer.status() : "code " + code) + "): "
                + (message == null ? "no explanation given" : cut(message)), List.of(), Map.of());
    }

    private static ProblemException unreachable(String what) {
        return new ProblemException(ProblemKind.PROVIDER_UNREACHABLE, HttpStatus.BAD_GATEWAY,
                what + "; nothing was changed. Try again in a minute.", List.of(), Map.of());
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Meta reports "NONE" when there is no reason. */
    @Nullable
    private static String reason(@Nullable String reason) {
        return reason == null || reason.isBlank() || "NONE".equals(reason) ? null : cut(reason);
    }

    @Nullable
    private static String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String cut(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
