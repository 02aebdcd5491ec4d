package io.parley.core.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.UUID;

/** Where a webhook or web widget belongs: the channel's tenant and type. Holds no secrets. */
@MappedEntity("channel_routes")
public record ChannelRouteRow(@Id UUID channelId, UUID tenantId, String type, @Nullable String widgetKey) {
}
