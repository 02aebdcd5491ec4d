package io.parley.api.team;

import io.parley.api.caller.Caller;
import io.parley.api.member.AnsweringMembers;
import io.parley.api.page.Cursor;
import io.parley.api.page.PageResponse;
import io.parley.core.audit.AuditLog;
import io.parley.core.team.TeamRepository;
import io.parley.core.team.TeamRepository.TeamMember;
import io.parley.core.team.TeamRepository.TeamRow;
import io.parley.core.tenancy.Ids;
import io.parley.core.tenancy.Role;
import io.parley.core.tenancy.TenantId;
import io.parley.core.tenancy.TenantScope;
import io.parley.http.json.MergePatch;
import io.parley.http.problem.ProblemException;
import io.parley.http.problem.ProblemMessages;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Teams: agents and above read them (to assign conversations); admins and owners keep them. Changes are audited. */
@Singleton
final class TeamService {

    static final String CREATED = "team.created";
    static final String UPDATED = "team.updated";
    static final String DELETED = "team.deleted";

    private final TenantScope scope;
    private final TeamRepository teams;
    private final AnsweringMembers answering;
    private final AuditLog audit;

    TeamService(TenantScope scope, TeamRepository teams, AnsweringMembers answering, AuditLog audit) {
        this.scope = scope;
        this.teams = teams;
        this.answering = answering;
        this.audit = audit;
    }

    /** By name; the cursor points after the last name of the page before. */
    PageResponse<TeamWire.TeamResponse> list(Caller caller, String cursor, Integer limit) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        int size = Cursor.limit(limit);
        String after = Cursor.afterText(cursor, "");
        return scope.read(tenant, () -> {
            List<TeamRow> rows = teams.page(tenant.value(), after, size + 1);
            Map<UUID, List<String>> members = members(tenant, rows);
            return PageResponse.of(rows, size, row -> response(row, members), TeamRow::name);
        });
    }

    TeamWire.TeamResponse get(Caller caller, String id) {
        TenantId tenant = caller.requireTenant(Role.AGENT);
        return scope.read(tenant, () -> response(tenant, find(tenant, id)));
    }

    TeamWire.TeamResponse create(Caller caller, TeamWire.TeamCreate request) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        String name = name(request.name());
        Set<UUID> memberIds = memberIds(request.memberIds());
        return scope.write(tenant, () -> {
            UUID id = Ids.next();
            if (teams.insert(tenant.value(), id, name) == 0) {
                throw taken(name);
            }
            setMembers(tenant, id, memberIds);
            audit.record(tenant, caller.actor(), CREATED, "team", id.toString(), details(name, memberIds));
            return response(tenant, teams.find(tenant.value(), id).orElseThrow());
        });
    }

    TeamWire.TeamResponse update(Caller caller, String id, TeamWire.TeamPatch patch, MergePatch present) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        for (String field : new String[] {"name", "memberIds"}) {
            if (present.removes(field)) {
                throw ProblemException.invalidField(field, ProblemMessages.CANNOT_REMOVE);
            }
        }
        String name = patch.name() == null ? null : name(patch.name());
        Set<UUID> memberIds = patch.memberIds() == null ? null : memberIds(patch.memberIds());
        return scope.write(tenant, () -> {
            TeamRow row = Ids.parse(id).flatMap(value -> teams.lock(tenant.value(), value))
                    .orElseThrow(TeamService::notFound);
            if (name != null && !name.equals(row.name())) {
                if (teams.findByName(tenant.value(), name).filter(other -> !other.id().equals(row.id())).isPresent()) {
                    throw taken(name);
                }
                teams.rename(tenant.value(), row.id(), name);
            }
            if (memberIds != null) {
                setMembers(tenant, row.id(), memberIds);
                teams.touch(tenant.value(), row.id());
            }
            TeamRow now = teams.find(tenant.value(), row.id()).orElseThrow();
            TeamWire.TeamResponse response = response(tenant, now);
            audit.record(tenant, caller.actor(), UPDATED, "team", row.id().toString(),
                    details(now.name(), response.memberIds()));
            return response;
        });
    }

    void delete(Caller caller, String id) {
        TenantId tenant = caller.requireTenant(Role.ADMIN);
        scope.writeVoid(tenant, () -> {
            TeamRow row = find(tenant, id);
            teams.delete(tenant.value(), row.id());
            audit.record(tenant, caller.actor(), DELETED, "team", row.id().toString(), Map.of("name", row.name()));
        });
    }

    /** Only members who can answer conversations (agent, admin, owner) belong to a team; anyone else is refused. */
    private void setMembers(TenantId tenant, UUID teamId, Set<UUID> userIds) {
        userIds.forEach(userId -> answering.require(tenant, userId, "memberIds"));
        teams.clearMembers(tenant.value(), teamId);
        userIds.forEach(userId -> teams.addMember(tenant.value(), teamId, userId));
    }

    private TeamRow find(TenantId tenant, String id) {
        return Ids.parse(id).flatMap(value -> teams.find(tenant.value(), value)).orElseThrow(TeamService::notFound);
    }

    private Map<UUID, List<String>> members(TenantId tenant, List<TeamRow> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        return teams.members(tenant.value(), rows.stream().map(TeamRow::id).toList()).stream()
                .collect(Collectors.groupingBy(TeamMember::teamId,
                        Collectors.mapping(member -> member.userId().toString(), Collectors.toList())));
    }

    private TeamWire.TeamResponse response(TenantId tenant, TeamRow row) {
        return response(row, members(tenant, List.of(row)));
    }

    private static TeamWire.TeamResponse response(TeamRow row, Map<UUID, List<String>> members) {
        return new TeamWire.TeamResponse(row.id().toString(), row.name(), members.getOrDefault(row.id(), List.of()),
                row.createdAt(), row.updatedAt());
    }

    private static String name(String value) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw ProblemException.invalidField("name", "must not be blank");
        }
        return stripped;
    }

    private static Set<UUID> memberIds(List<String> values) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            ids.add(Ids.parse(value).orElseThrow(() -> ProblemException.invalidField("memberIds", "is not an id")));
        }
        return ids;
    }

    private static Map<String, Object> details(String name, java.util.Collection<?> memberIds) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("memberIds", new ArrayList<>(memberIds.stream().map(Object::toString).toList()));
        return details;
    }

    private static ProblemException taken(String name) {
        return ProblemException.conflict("A team named " + name + " exists already.");
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("Team");
    }
}
