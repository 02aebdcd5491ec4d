package io.parley.core.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InvitationRepository extends GenericRepository<InvitationRow, UUID> {

    @Query("""
            INSERT INTO invitations (tenant_id, id, email, role, token_hash, invited_by, expires_at)
            VALUES (:tenantId, :id, :email, :role, :tokenHash, :invitedBy, :expiresAt)""")
    void insert(UUID tenantId, UUID id, String email, String role, byte[] tokenHash, @Nullable UUID invitedBy, Instant expiresAt);

    @Query("SELECT * FROM invitations WHERE tenant_id = :tenantId AND id = :id")
    Optional<InvitationRow> find(UUID tenantId, UUID id);

    @Query("""
            SELECT * FROM invitations WHERE tenant_id = :tenantId AND accepted_at IS NULL AND revoked_at IS NULL
            AND expires_at > now() ORDER BY id DESC""")
    List<InvitationRow> pending(UUID tenantId);

    @Query("""
            UPDATE invitations SET accepted_at = now()
            WHERE tenant_id = :tenantId AND id = :id AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()""")
    int accept(UUID tenantId, UUID id);

    @Query("UPDATE invitations SET revoked_at = now() WHERE tenant_id = :tenantId AND id = :id AND accepted_at IS NULL AND revoked_at IS NULL")
    int revoke(UUID tenantId, UUID id);
}
