package io.parley.api.http;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies are strict: one JSON document, of the declared type, sent as application/json, storable text. */
@MicronautTest(transactional = false)
class StrictInputTest extends ApiTest {

    private static final String VALIDATION = "https://parley.dev/problems/validation-failed";
    private static final String MALFORMED = "https://parley.dev/problems/malformed-json";

    @Test
    void unknownTopLevelPropertyIsRejectedByName() {
        Reply reply = api().post("/api/v1/auth/signup", null, Map.of("email", "x@example.com",
                "password", "long enough password", "tenantName", "Typo Co", "tenantNmae", "Typo Co"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.string("type")).isEqualTo(VALIDATION);
        assertThat(reply.string("errors.0.field")).isEqualTo("tenantNmae");
        assertThat(reply.string("errors.0.message")).isEqualTo("unknown property");
        assertThat(reply.string("detail")).contains("tenantNmae");
    }

    @Test
    void unknownNestedPropertiesAreAllNamedWithTheirPaths() {
        Session owner = api().signup("Nested Co");
        Reply reply = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "N",
                "limits", Map.of("perMinute", 5, "tiers", Map.of("premium", Map.of("perWeek", 3))),
                "llm", Map.of("modle", "gpt")));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(List.of(reply.string("errors.0.field"), reply.string("errors.1.field"), reply.string("errors.2.field")))
                .containsExactlyInAnyOrder("limits.perMinute", "limits.tiers.premium.perWeek", "llm.modle");
        assertThat(api().get("/api/v1/bots", owner.accessToken()).items()).as("nothing created").isEmpty();
    }

    @Test
    void unknownPropertyInsideAListItemNamesItsIndex() {
        Session owner = api().signup("Flow Co");
        String botId = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "F")).string("id");
        Reply reply = api().post("/api/v1/bots/" + botId + "/flows", owner.accessToken(), Map.of("name", "Hours",
                "trigger", Map.of("type", "keyword", "keywords", List.of("hours"), "condition", "vip"),
                "steps", List.of(Map.of("type", "text", "text", "Open"), Map.of("type", "text", "text", "x", "colour", "red"))));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.string("detail")).contains("trigger.condition").contains("steps[1].colour");
    }

    @Test
    void duplicatePropertyIsRejected() {
        Reply reply = api().post("/api/v1/auth/login", null,
                "{\"email\": \"a@example.com\", \"password\": \"one password\", \"password\": \"two password\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.string("type")).isEqualTo(MALFORMED);
        assertThat(reply.string("detail")).contains("'password'");
    }

    @Test
    void trailingDataAfterTheDocumentIsRejected() {
        Session owner = api().signup("Trailing Co");
        Reply garbage = api().send("PATCH", "/api/v1/tenant", owner.accessToken(), "{\"name\":\"z\"} garbage", Map.of());
        Reply second = api().send("PATCH", "/api/v1/tenant", owner.accessToken(), "{\"name\":\"z\"} {}", Map.of());

        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.string("type")).isEqualTo(MALFORMED);
        assertThat(second.status()).isEqualTo(400);
        assertThat(api().get("/api/v1/tenant", owner.accessToken()).string("name")).isEqualTo("Trailing Co");
    }

    @Test
    void bodyWithoutAJsonContentTypeIsUnsupportedMediaType() {
        String body = "{\"email\": \"a@example.com\", \"password\": \"some password\"}";
        for (String contentType : new String[]{null, "json", ";;;", "text/plain", "application/json; charset=latin1"}) {
            HttpResponse<String> reply = raw("POST", "/api/v1/auth/login", body, contentType, null);

            assertThat(reply.statusCode()).as("Content-Type: " + contentType).isEqualTo(415);
            assertThat(reply.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        }
        assertThat(raw("POST", "/api/v1/auth/login", body, "application/json; charset=UTF-8", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aPatchMayBeSentAsMergePatchJsonButNothingElseMay() {
        Session owner = api().signup("Merge Patch Co");
        String bot = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Lumi")).string("id");
        Map<String, String> mergePatch = Map.of("Content-Type", "application/merge-patch+json");

        Reply renamed = api().send("PATCH", "/api/v1/bots/" + bot, owner.accessToken(), Map.of("name", "Mei"), mergePatch);
        Reply created = api().send("POST", "/api/v1/bots", owner.accessToken(), Map.of("name", "Kai"), mergePatch);

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.string("name")).isEqualTo("Mei");
        assertThat(created.status()).isEqualTo(415);
    }

    @Test
    void nulInAnyStringFieldIsABadRequestNamingIt() {
        Reply login = api().post("/api/v1/auth/login", null, Map.of("email", "a\u0000@example.com", "password", "pw"));
        Session owner = api().signup("Nul Co");
        Reply nested = api().post("/api/v1/bots", owner.accessToken(),
                Map.of("name", "N", "limits", Map.of("tiers", Map.of("pre\u0000mium", Map.of()))));
        Reply lone = api().post("/api/v1/bots", owner.accessToken(), "{\"name\": \"bad \\ud800 surrogate\"}");

        assertThat(login.status()).isEqualTo(400);
        assertThat(login.string("errors.0.field")).isEqualTo("email");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.string("errors.0.field")).startsWith("limits.tiers.pre");
        assertThat(lone.status()).isEqualTo(400);
        assertThat(lone.string("errors.0.field")).isEqualTo("name");
    }

    @Test
    void nulInAQueryParameterIsABadRequestNamingIt() {
        Session owner = api().signup("Query Co");
        Reply reply = api().get("/api/v1/contacts?q=" + URLEncoder.encode("a\u0000b", StandardCharsets.UTF_8),
                owner.accessToken());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.string("errors.0.field")).isEqualTo("q");
        assertThat(reply.text()).doesNotContain("Exception");
    }

    @Test
    void acceptHeadersRealClientsSendGetNormalResponses() {
        Session owner = api().signup("Accept Co");
        for (String accept : new String[]{"application/json", "application/problem+json", "application/*", "*/*",
                "application/problem+json, application/json", "text/html;q=0.9, application/json;q=0.8",
                "application/json, text/plain, */*"}) {
            HttpResponse<String> reply = raw("GET", "/api/v1/bots", null, null, Map.of("Accept", accept,
                    "Authorization", "Bearer " + owner.accessToken()));

            assertThat(reply.statusCode()).as("Accept: " + accept).isEqualTo(200);
            assertThat(reply.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        }
    }

    @Test
    void errorsStayProblemsWhateverJsonTheClientAccepts() {
        Session owner = api().signup("Accept Errors Co");
        HttpResponse<String> reply = raw("GET", "/api/v1/bots/00000000-0000-0000-0000-000000000000", null, null,
                Map.of("Accept", "application/json", "Authorization", "Bearer " + owner.accessToken()));

        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    @Test
    void notAcceptableOnlyWhenNothingAcceptableExists() {
        Session owner = api().signup("Accept None Co");
        HttpResponse<String> reply = raw("GET", "/api/v1/bots", null, null,
                Map.of("Accept", "text/html", "Authorization", "Bearer " + owner.accessToken()));

        assertThat(reply.statusCode()).isEqualTo(406);
        assertThat(reply.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    @Test
    void clientErrorsLeaveNoStackTraceInTheLog() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            List<Reply> replies = List.of(
                    api().post("/api/v1/auth/login", null, Map.of("email", "a\u0000@example.com", "password", "pw")),
                    api().post("/api/v1/auth/login", null, Map.of("email", "a@example.com", "password", "密".repeat(25))),
                    api().post("/api/v1/auth/signup", null, Map.of("email", "b@example.com", "password", "密".repeat(25),
                            "tenantName", "Log Co")),
                    api().post("/api/v1/auth/login", null, "{\"email\": 1} {"),
                    api().send("POST", "/api/v1/auth/login", null, "{}", Map.of("Content-Type", "text/plain")));

            assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.text()).isBetween(400, 499));
            assertThat(log.list).filteredOn(event -> event.getThrowableProxy() != null)
                    .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).isEmpty();
        } finally {
            root.detachAppender(log);
        }
    }

    private HttpResponse<String> raw(String method, String path, String body, String contentType,
                                     Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (headers != null) {
                headers.forEach(request::header);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
