package io.parley.contract;

import io.parley.client.okhttp.ApiClient;
import io.parley.client.okhttp.ApiException;
import io.parley.client.okhttp.api.ApiKeysApi;
import io.parley.client.okhttp.api.AuthApi;
import io.parley.client.okhttp.api.BotsApi;
import io.parley.client.okhttp.api.ChannelsApi;
import io.parley.client.okhttp.model.ApiKey;
import io.parley.client.okhttp.model.ApiKeyPage;
import io.parley.client.okhttp.model.Bot;
import io.parley.client.okhttp.model.BotRequest;
import io.parley.client.okhttp.model.Channel;
import io.parley.client.okhttp.model.CreateApiKeyRequest;
import io.parley.client.okhttp.model.CreateChannelRequest;
import io.parley.client.okhttp.model.MessageLimits;
import io.parley.client.okhttp.model.Problem;
import io.parley.client.okhttp.model.SignupRequest;
import io.parley.client.okhttp.model.TierLimits;

import java.util.Map;

import static io.parley.contract.Check.that;

/** The smoke story (docs/api/clients.md) with the Java client generated with library "okhttp-gson". */
final class OkHttpGsonClientSmoke {

    private OkHttpGsonClientSmoke() {
    }

    static void run(String baseUrl, String accept) throws Exception {
        ApiClient anonymous = client(baseUrl, null, accept);
        String email = "okhttp-" + System.nanoTime() + "@example.com";
        String token = new AuthApi(anonymous).signup(new SignupRequest().email(email)
                .password("a long passphrase").tenantName("OkHttp client")).getAccessToken();
        ApiClient signedIn = client(baseUrl, token, accept);
        BotsApi bots = new BotsApi(signedIn);

        Bot bot = bots.createBot(new BotRequest().name("OkHttp bot").limits(new MessageLimits().perHour(20).perDay(50)
                .putTiersItem("premium", new TierLimits())));
        that(bot.getLimits().getPerDay() == 50, "created bot has its day limit");
        Bot renamed = bots.updateBot(bot.getId(), new BotRequest().name("OkHttp bot (renamed)"));
        that(renamed.getName().equals("OkHttp bot (renamed)"), "PATCH renamed the bot");
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
            Problem problem = Problem.fromJson(e.getResponseBody());
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
        client.setBasePath(baseUrl);
        if (token != null) {
            client.setBearerToken(token);
        }
        if (accept != null) {
            client.setHttpClient(client.getHttpClient().newBuilder().addInterceptor(chain -> chain.proceed(
                    chain.request().newBuilder().header("Accept", accept).build())).build());
        }
        return client;
    }
}
