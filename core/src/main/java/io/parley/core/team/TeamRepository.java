package io.parley.core.team;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tenant's teams and their members (V210). Call inside the tenant's scope. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TeamRepository extends GenericRepository<TeamRepository.TeamRow, UUID> {

    /** 1 when inserted, 0 when the tenant has a team of this name (in any letter case) already. */
    @Query("INSERT INTO teams (tenant_id, id, name) VALUES (:tenantId, :id, :name) "
            + "ON CONFLICT DO NOTHING")
    int insert(UUID tenantId, UUID id, String name);

    @Query("SELECT * FROM teams WHERE tenant_id = :tenantId AND id = :id")
    Optional<TeamRow> find(UUID tenantId, UUID id);

    @Query("SELECT * FROM teams WHERE tenant_id = :tenantId AND id = :id FOR UPDATE")
    Optional<TeamRow> lock(UUID tenantId, UUID id);

    @Query("SELECT * FROM teams WHERE tenant_id = :tenantId AND lower(name) = lower(:name)")
    Optional<TeamRow> findByName(UUID tenantId, String name);

    /** By name, after {@code afterName} (the empty string for the start). */
    @Query("SELECT * FROM teams WHERE tenant_id = :tenantId AND name > :afterName ORDER BY name LIMIT :limit")
    List<TeamRow> page(UUID tenantId, String afterName, int limit);

    @Query("UPDATE teams SET name = :name, updated_at = now() WHERE tenant_id = :tenantId AND id = :id")
    int rename(UUID tenantId, UUID id, String name);

    /** Marks a change of members as a change of the team. */
    @Query("UPDATE teams SET updated_at = now() WHERE tenant_id = :tenantId AND id = :id")
    int touch(UUID tenantId, UUID id);

    @Query("DELETE FROM teams WHERE tenant_id = :tenantId AND id = :id")
    int delete(UUID tenantId, UUID id);

    /** Removes every member of the team (before {@link #addMember} puts back the new set: teams are small). */
    @Query("DELETE FROM team_members WHERE tenant_id = :tenantId AND team_id = :teamId")
    int clearMembers(UUID tenantId, UUID teamId);

    /** Adds a member of the tenant to the team (the foreign key refuses anyone else). */
    @Query("INSERT INTO team_members (tenant_id, team_id, user_id) VALUES (:tenantId, :teamId, :userId) "
            + "ON CONFLICT DO NOTHING")
    int addMember(UUID tenantId, UUID teamId, UUID userId);

    @Query("SELECT EXISTS (SELECT 1 FROM team_members WHERE tenant_id = :tenantId AND team_id = :teamId "
            + "AND user_id = :userId)")
    boolean hasMember(UUID tenantId, UUID teamId, UUID userId);

    /** The members of these teams, by team then user id. */
    @Query("SELECT team_id, user_id FROM team_members WHERE tenant_id = :tenantId AND team_id IN (:teamIds) "
            + "ORDER BY team_id, user_id")
    List<TeamMember> members(UUID tenantId, Collection<UUID> teamIds);

    /** A named group of the tenant's members that conversations can be assigned to. */
    @MappedEntity("teams")
    record TeamRow(UUID tenantId, @Id UUID id, String name, Instant createdAt, Instant updatedAt) {
    }

    /** One member of one team. */
    @Introspected
    record TeamMember(UUID teamId, UUID userId) {
    }
}
