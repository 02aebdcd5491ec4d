package io.parley.core.config;

import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.TenantId;

import java.util.Optional;
import java.util.UUID;

/** Identifies one bot's configuration: the cache key and the NOTIFY payload ("tenant:bot"). */
public record BotKey(TenantId tenant, UUID bot) {

    static Optional<BotKey> parse(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Ids.parse(payload.substring(0, colon)).flatMap(tenant -> Ids.parse(payload.substring(colon + 1))
                .map(bot -> new BotKey(new TenantId(tenant), bot)));
    }
}
