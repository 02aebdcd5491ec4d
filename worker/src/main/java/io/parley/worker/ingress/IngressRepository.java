package io.parley.worker.ingress;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.parley.core.channel.ChannelRow;

import java.util.Optional;
import java.util.UUID;

/** The ingress's reads of channel rows; call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface IngressRepository extends GenericRepository<ChannelRow, UUID> {

    /** A channel never moves to another bot, so the answer can be cached for the channel's life. */
    @Query("SELECT bot_id FROM channels WHERE tenant_id = :tenantId AND id = :id")
    Optional<UUID> botOf(UUID tenantId, UUID id);

    /** The tenant's WhatsApp channel of a phone number id ({@code external_id}, unique per channel type). */
    @Query("SELECT id FROM channels WHERE tenant_id = :tenantId AND type = 'whatsapp' AND external_id = :phoneNumberId")
    Optional<UUID> whatsAppChannel(UUID tenantId, String phoneNumberId);
}
