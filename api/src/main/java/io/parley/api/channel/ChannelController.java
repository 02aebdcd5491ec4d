package io.parley.api.channel;

import io.swagger.v3.oas.annotations.Parameter;
import io.parley.api.page.Cursor;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.parley.api.caller.CallerResolver;
import io.parley.api.openapi.ProblemResponses;
import io.parley.api.page.PageResponse;
import io.parley.core.ServerRoles;
import io.parley.http.json.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** A bot's channels: its LINE, WhatsApp, Telegram and web chat connections. */
@Controller("/api/v1/bots/{botId}/channels")
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.API)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Channels")
@ProblemResponses.Authenticated
class ChannelController {

    private final ChannelService channels;
    private final ChannelVerifier verifier;
    private final CallerResolver callers;

    ChannelController(ChannelService channels, ChannelVerifier verifier, CallerResolver callers) {
        this.channels = channels;
        this.verifier = verifier;
        this.callers = callers;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.PlanLimit
    @Operation(operationId = "createChannel", summary = "Connect a channel to a bot (admin)",
            description = "Credentials are validated per type, "
            + "encrypted at rest and never returned. 402 when the plan's channel limit is reached; 409 when the LINE "
            + "channel, WhatsApp number or Telegram bot is already connected (by any Parley account).\n\n"
            + ChannelWire.CREDENTIALS_DOC)
    ChannelWire.ChannelResponse create(@PathVariable String botId, @Body @Valid ChannelWire.CreateRequest body,
                                       Authentication authentication, HttpRequest<?> request) {
        return channels.create(callers.resolve(authentication, request), botId, body);
    }

    @Get
    @ProblemResponses.BadRequest
    @ProblemResponses.NotFound
    @Schema(name = "ChannelPage")
    @Operation(operationId = "listChannels", summary = "List a bot's channels, newest first",
            description = "The test chat's hidden web chat "
            + "channel is left out unless `includeTest=true`.")
    PageResponse<ChannelWire.ChannelResponse> list(@PathVariable String botId, @Parameter(ref = Cursor.LIMIT) @Nullable @QueryValue Integer limit,
                                                   @Parameter(ref = Cursor.CURSOR) @Nullable @QueryValue String cursor,
                                                   @Nullable @QueryValue Boolean includeTest,
                                                   Authentication authentication, HttpRequest<?> request) {
        return channels.list(callers.resolve(authentication, request), botId, cursor, limit,
                Boolean.TRUE.equals(includeTest));
    }

    @Get("/{channelId}")
    @ProblemResponses.NotFound
    @Operation(operationId = "getChannel", summary = "Get a channel",
            description = "The channel with its webhook URL; credentials are never returned, only hints.")
    ChannelWire.ChannelResponse get(@PathVariable String botId, @PathVariable String channelId,
                                    Authentication authentication, HttpRequest<?> request) {
        return channels.get(callers.resolve(authentication, request), botId, channelId);
    }

    @Patch("/{channelId}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @ProblemResponses.JsonBody
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "updateChannel", summary = "Rename a channel or change its credentials (admin)", description = "A JSON Merge Patch "
            + "(RFC 7396): `name` null or \"\" removes the name; `credentials` merge field by field with the stored "
            + "ones (a field sent replaces that one, null removes it) and make the channel unverified until the next "
            + "verify; `web` (web chat only) merges setting by setting, null restoring a setting's default. "
            + "`web.requireIdentity` true needs the identity secret generated first (409).\n\n"
            + ChannelWire.CREDENTIALS_DOC)
    ChannelWire.ChannelResponse update(@PathVariable String botId, @PathVariable String channelId,
                                       @Body @Valid ChannelWire.UpdateRequest body,
                                       Authentication authentication, HttpRequest<?> request) {
        return channels.update(callers.resolve(authentication, request), botId, channelId, body, MergePatch.of(request));
    }

    @Delete("/{channelId}")
    @Status(HttpStatus.NO_CONTENT)
    @ProblemResponses.NotFound
    @Operation(operationId = "deleteChannel", summary = "Disconnect a channel (admin)",
            description = "Its webhook stops accepting events at once; conversations stay.")
    void delete(@PathVariable String botId, @PathVariable String channelId, Authentication authentication,
                HttpRequest<?> request) {
        channels.delete(callers.resolve(authentication, request), botId, channelId);
    }

    @Post("/{channelId}/identity-secret")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @Operation(operationId = "rotateChannelIdentitySecret", summary = "Generate a web chat channel's identity "
            + "secret (admin)", description = "The secret host sites sign their signed-in users' identities with "
            + "(docs/web-chat.md). Shown once, in this answer, and sealed at rest; a new one replaces the old at "
            + "once, so identities signed with the old secret are refused (or ignored, when identity is optional). "
            + "409 for channels other than web chat.")
    WebSettingsWire.IdentitySecret rotateIdentitySecret(@PathVariable String botId, @PathVariable String channelId,
                                                        Authentication authentication, HttpRequest<?> request) {
        return channels.rotateIdentitySecret(callers.resolve(authentication, request), botId, channelId);
    }

    @Post("/{channelId}/verify")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.ProviderUnreachable
    @Operation(operationId = "verifyChannel", summary = "Check the stored credentials with the provider (admin)",
            description = "LINE: bot info; "
            + "WhatsApp: the phone number; Telegram: getMe, then setWebhook to this channel's webhook URL with a "
            + "generated secret token; web: nothing to check. Bad credentials answer 200 with status unhealthy and "
            + "a detail; the channel's health is updated either way.")
    ChannelWire.VerifyResponse verify(@PathVariable String botId, @PathVariable String channelId,
                                      Authentication authentication, HttpRequest<?> request) {
        return verifier.verify(callers.resolve(authentication, request), botId, channelId);
    }
}
