package io.parley.worker.ingress;

import io.micronaut.core.annotation.Nullable;
import io.parley.core.tenancy.TenantId;

import java.util.Map;
import java.util.UUID;

/** The channel a webhook or web chat request is for, with its opened credentials (never printed). */
public record IngressChannel(TenantId tenant, UUID id, UUID botId, Map<String, String> credentials) {

    @Nullable
    public String credential(String name) {
        return credentials.get(name);
    }

    @Override
    public String toString() {
        return "IngressChannel[" + id + ", tenant " + tenant + "]";
    }
}
