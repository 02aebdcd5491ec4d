package io.parley.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolesTest {

    @Test
    void servesEveryRoleByDefaultAndWhenAllIsListed() {
        assertThat(Roles.parse("all").value()).isEqualTo("all");
        assertThat(Roles.parse("api, ALL").value()).isEqualTo("all");
        assertThat(Roles.parse("all").migrateOnly()).isFalse();
    }

    @Test
    void normalizesAListOfRoles() {
        assertThat(Roles.parse(" API ,worker,,web ").value()).isEqualTo("api,worker,web");
        assertThat(Roles.parse("worker,worker").value()).isEqualTo("worker");
    }

    @Test
    void migrateAloneMeansMigrateAndExit() {
        assertThat(Roles.parse("Migrate").migrateOnly()).isTrue();
    }

    @Test
    void rejectsUnknownRolesNamingTheVariable() {
        assertThatThrownBy(() -> Roles.parse("api,wroker"))
                .isInstanceOf(LaunchException.class)
                .hasMessage("PARLEY_ROLES: unknown role 'wroker' (use api, worker, web, all, or migrate)");
    }

    @Test
    void rejectsAnEmptyListAndMigrateWithOtherRoles() {
        assertThatThrownBy(() -> Roles.parse(" , ")).isInstanceOf(LaunchException.class)
                .hasMessageStartingWith("PARLEY_ROLES is empty");
        assertThatThrownBy(() -> Roles.parse("migrate,api")).isInstanceOf(LaunchException.class)
                .hasMessageContaining("cannot be combined");
    }
}
