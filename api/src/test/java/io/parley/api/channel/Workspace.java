package io.parley.api.channel;

import io.parley.api.testing.ApiClient;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.core.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** A freshly signed-up tenant (free plan: one bot, two channels) with its bot, and its channel endpoints. */
record Workspace(ApiClient api, Session owner, String botId) {

    static Workspace create(ApiClient api, String tenantName) {
        Session owner = api.signup(tenantName);
        Reply bot = api.post("/api/v1/bots", owner.accessToken(), Map.of("name", "Lumi"));
        if (bot.status() != 201) {
            throw new IllegalStateException("bot creation failed: " + bot.text());
        }
        return new Workspace(api, owner, bot.string("id"));
    }

    String channels() {
        return "/api/v1/bots/" + botId + "/channels";
    }

    String channel(String channelId) {
        return channels() + "/" + channelId;
    }

    Reply connect(String type, Map<String, ?> credentials) {
        return api.post(channels(), owner.accessToken(), Map.of("type", type, "credentials", credentials));
    }

    /** Connects and returns the new channel's id, failing loudly if the API refuses. */
    String connected(String type, Map<String, ?> credentials) {
        Reply reply = connect(type, credentials);
        if (reply.status() != 201) {
            throw new IllegalStateException("connect failed: " + reply.status() + " " + reply.text());
        }
        return reply.string("id");
    }

    Reply verify(String channelId) {
        return api.post(channel(channelId) + "/verify", owner.accessToken(), Map.of());
    }

    static Map<String, String> lineCredentials() {
        return Map.of("channelSecret", UUID.randomUUID().toString().replace("-", ""),
                "channelAccessToken", "line-token-" + UUID.randomUUID());
    }

    static Map<String, String> whatsappCredentials() {
        return Map.of("phoneNumberId", digits(), "accessToken", "EAAG" + UUID.randomUUID().toString().replace("-", ""),
                "appSecret", UUID.randomUUID().toString().replace("-", ""));
    }

    static Map<String, String> telegramCredentials() {
        return Map.of("botToken", digits() + ":AAH" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** A provider id no other test uses (the uniqueness index spans the shared test database). */
    static String digits() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
    }

    /** Rows as the database superuser sees them: row-level security does not apply, nothing is decrypted. */
    static List<Map<String, String>> rawRows(String sql, Object... parameters) {
        TestDatabase database = TestDatabase.shared();
        try (Connection connection = DriverManager.getConnection(database.database().jdbcUrl(),
                database.superuser().username(), database.superuser().password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<Map<String, String>> result = new ArrayList<>();
                while (rows.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        row.put(rows.getMetaData().getColumnName(i), rows.getString(i));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
