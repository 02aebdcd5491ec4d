package io.parley.api.member;

import io.parley.core.tenancy.Role;

/** A role's name as an invitation email shows it (the dashboard's names, web/frontend/src/i18n/common.ts). */
final class RoleNames {

    private RoleNames() {
    }

    static String of(Role role, String language) {
        boolean chinese = "zh-Hant".equals(language);
        return switch (role) {
            case OWNER -> chinese ? "擁有者" : "owner";
            case ADMIN -> chinese ? "管理員" : "admin";
            case AGENT -> chinese ? "客服人員" : "agent";
            case VIEWER -> chinese ? "檢視者" : "viewer";
        };
    }
}
