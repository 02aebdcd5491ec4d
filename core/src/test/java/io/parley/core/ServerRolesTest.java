package io.parley.core;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ServerRolesTest {

    private static boolean serves(String pattern, String roles) {
        // Micronaut's @Requires(pattern) matches the whole property value.
        return Pattern.compile(pattern).matcher(roles).matches();
    }

    @Test
    void everyRoleIsServedByAll() {
        for (String pattern : new String[] {ServerRoles.API, ServerRoles.WORKER, ServerRoles.WEB}) {
            assertThat(serves(pattern, "all")).isTrue();
            assertThat(serves(pattern, " ALL ")).isTrue();
            assertThat(serves(pattern, "api,all")).isTrue();
        }
    }

    @Test
    void aRoleIsServedWhenListedAnywhereIgnoringCaseAndSpaces() {
        assertThat(serves(ServerRoles.API, "api")).isTrue();
        assertThat(serves(ServerRoles.API, "worker, API")).isTrue();
        assertThat(serves(ServerRoles.WORKER, "api , worker , web")).isTrue();
        assertThat(serves(ServerRoles.WORKER, "Worker")).isTrue();
        assertThat(serves(ServerRoles.WEB, "web,api")).isTrue();
        assertThat(serves(ServerRoles.WEB, "api,\tweb")).isTrue();
    }

    @Test
    void aRoleIsNotServedWhenOnlyOthersAreListed() {
        assertThat(serves(ServerRoles.API, "worker,web")).isFalse();
        assertThat(serves(ServerRoles.WORKER, "api")).isFalse();
        assertThat(serves(ServerRoles.WEB, "api, worker")).isFalse();
    }

    @Test
    void namesThatMerelyContainARoleDoNotCount() {
        assertThat(serves(ServerRoles.API, "webapi")).isFalse();
        assertThat(serves(ServerRoles.API, "api2")).isFalse();
        assertThat(serves(ServerRoles.WEB, "website,worker")).isFalse();
        assertThat(serves(ServerRoles.WORKER, "allworkers")).isFalse();
        assertThat(serves(ServerRoles.API, "install")).isFalse();
    }

    @Test
    void migrateAndEmptyServeNoRole() {
        for (String pattern : new String[] {ServerRoles.API, ServerRoles.WORKER, ServerRoles.WEB}) {
            assertThat(serves(pattern, "migrate")).isFalse();
            assertThat(serves(pattern, "")).isFalse();
        }
    }
}
