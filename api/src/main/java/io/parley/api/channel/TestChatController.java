package io.parley.api.channel;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.core.ServerRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The dashboard's test chat with a bot. */
@Controller("/api/v1/bots/{botId}/test-chat")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Channels")
@ProblemResponses.Authenticated
class TestChatController {

    private final TestChatService testChat;
    private final CallerResolver callers;

    TestChatController(TestChatService testChat, CallerResolver callers) {
        this.testChat = testChat;
        this.callers = callers;
    }

    @Post
    @ProblemResponses.NotFound
    @Operation(operationId = "openTestChat", summary = "Open a test chat with the bot (agent)", description = "Returns "
            + "the widget key of the bot's hidden test channel (a web chat, created on first use, not counted "
            + "against the plan's channel limit) and a new session id. Talk to the bot with them exactly as the web "
            + "chat widget does: POST /chat/{widgetKey}/messages and the event stream "
            + "/chat/{widgetKey}/sessions/{sessionId}/stream. Contacts of the test channel are marked as test "
            + "contacts.")
    ChannelWire.TestChatResponse open(@PathVariable String botId, Authentication authentication,
                                      HttpRequest<?> request) {
        return testChat.open(callers.resolve(authentication, request), botId);
    }
}
