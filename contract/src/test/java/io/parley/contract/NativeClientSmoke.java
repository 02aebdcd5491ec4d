package io.parley.contract;

import io.parley.client.nativ.ApiClient;
import io.parley.client.nativ.ApiException;
import io.parley.client.nativ.api.ApiKeysApi;
import io.parley.client.nativ.api.AuthApi;
import io.parley.client.nativ.api.BotsApi;
import io.parley.client.nativ.api.ChannelsApi;
import io.parley.client.nativ.model.ApiKey;
import io.parley.client.nativ.model.ApiKeyPage;
import io.parley.client.nativ.model.Bot;
import io.parley.client.nativ.model.BotRequest;
import io.parley.client.nativ.model.Channel;
import io.parley.client.nativ.model.CreateApiKeyRequest;
import io.parley.client.nativ.model.CreateChannelRequest;
import io.parley.client.nativ.model.MessageLimits;
import io.parley.client.nativ.model.Problem;
import io.parley.client.nativ.model.SignupRequest;
import io.parley.client.nativ.model.TierLimits;

import java.util.Map;

import static io.parley.contract.Check.that;

/** The smoke story (docs/api/clients.md) with the Java client generated with library "native" (java.net.http). */
final class NativeClientSmoke {

    private NativeClientSmoke() {
    }

    static void run(String baseUrl, String accept) throws Exception {
        ApiClient anonymous = client(baseUrl, null, accept);
        String email = "native-" + System.nanoTime() + "@example.com";
        String token = new AuthApi(anonymous).signup(new SignupRequest().email(email)
                .password("a long passphrase").tenantName("Native client")).getAccessToken();
        ApiClient signedIn = client(baseUrl, token, accept);
        BotsApi bots = new BotsApi(signedIn);

        Bot bot = bots.createBot(new BotRequest().name("Native bot").limits(new MessageLimits().perHour(20).perDay(50)
                .putTiersItem("premium", new TierLimits())));
        that(bot.getLimits().getPerDay() == 50, "created bot has its day limit");
        Bot renamed = bots.updateBot(bot.getId(), new BotRequest().name("Native bot (renamed)"));
        that(renamed.getName().equals("Native bot (renamed)"), "PATCH renamed the bot");
        that(renamed.getLimits().getPerDay() == 50, "PATCH without limits kept them");

        Channel web = new ChannelsApi(signedIn).createChannel(bot.getId(),
                new CreateChannelRequest().type(CreateChannelRequest.TypeEnum.WEB).credentials(Map.of()));
        that(web.getType() == Channel.TypeEnum.WEB, "web channel created");

        ApiKeysApi keys = new ApiKeysApi(signedIn);
        ApiKey key = null;
        for (int i = 1; i <= 3; i++) {
            key = keys.createApiKey(new CreateApiKeyRequest().name("key " + i).role(CreateApiKeyRequest.RoleEnum.VIEWER));
        }
        int pages = 0;
        int seen = 0;
        String cursor = null;
        do {
            ApiKeyPage page = keys.listApiKeys(2, cursor);
            pages++;
            seen += page.getItems().size();
            cursor = page.getNextCursor();
        } while (cursor != null);
        that(pages >= 2 && seen == 3, "3 API keys over " + pages + " pages of 2");

        try {
            bots.getBot("0193a000-0000-7000-8000-000000000000");
            that(false, "an unknown bot answers 404");
        } catch (ApiException e) {
            Problem problem = signedIn.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
            that(e.getCode() == 404 && problem.getStatus() == 404
                    && problem.getType().toString().endsWith("/not-found"), "404 problem parsed: " + problem);
        }

        BotsApi withKey = new BotsApi(client(baseUrl, key.getKey(), accept));
        that(withKey.listBots(null, null).getItems().stream().anyMatch(b -> b.getId().equals(bot.getId())),
                "the API key lists the bot");

        bots.deleteBot(bot.getId());
        try {
            bots.getBot(bot.getId());
            that(false, "a deleted bot answers 404");
        } catch (ApiException e) {
            that(e.getCode() == 404, "deleted bot is gone");
        }
    }

    /** A client of the API; {@code accept}, when not null, replaces the Accept header the client sends. */
    private static ApiClient client(String baseUrl, String token, String accept) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setRequestInterceptor(request -> {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (accept != null) {
                request.setHeader("Accept", accept);
            }
        });
        return client;
    }
}
