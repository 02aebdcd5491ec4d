package io.parley.api.openapi;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The OpenAPI document's header, generated at build time into META-INF/swagger/parley-api.yml (OpenAPI 3.1; see
 * docs/api/openapi.md). {@code api.version} is the Maven project version (api/pom.xml), so clients generated from the
 * document get a semver package version.
 */
@OpenAPIDefinition(
        info = @Info(title = "Parley admin API", version = "${api.version}",
                description = "Everything the Parley dashboard does, for automation. Authenticate with a dashboard "
                        + "access token (JWT) or a tenant API key, both as `Authorization: Bearer <token>`.\n\n"
                        + "Errors are RFC 9457 `application/problem+json`; branch on their stable `type`. Each "
                        + "operation lists the errors it can give; a method a path does not document answers 405 "
                        + "with `Allow`.\n\nLists use cursor pagination: `?limit=&cursor=`, answered with "
                        + "`{items, nextCursor}`; `nextCursor` is null on the last page.",
                contact = @Contact(name = "Parley", url = "https://parley.dev"),
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "http://localhost:8080",
                description = "Parley all-in-one (`./parley run`); use your deployment's public URL"),
        tags = {
                @Tag(name = "Auth", description = "Accounts and sessions: sign-up, sign-in, token refresh and "
                        + "rotation, sign-out, tenant switch, the current user"),
                @Tag(name = "Tenant", description = "The active tenant, its plan, limits and usage"),
                @Tag(name = "Members", description = "Members of the tenant, their roles, and invitations"),
                @Tag(name = "API keys", description = "Tenant API keys for automation; the secret is shown once"),
                @Tag(name = "Audit log", description = "Membership, role and API-key changes with actor and IP"),
                @Tag(name = "Bots", description = "Bots: persona, LLM settings, messages, per-contact limits"),
                @Tag(name = "Channels", description = "A bot's LINE, WhatsApp, Telegram and web chat connections, "
                        + "and its test chat"),
                @Tag(name = "Knowledge base", description = "A bot's documents (Q&A pairs, files, web pages) its "
                        + "answers quote, a test search, and whether answers use them"),
                @Tag(name = "Flows", description = "Scripted answers matched before the LLM, and their dry-run"),
                @Tag(name = "Access codes", description = "Codes that let contacts past a gate: batches, revocation"),
                @Tag(name = "Memory", description = "Typed values the LLM keeps per contact or conversation: a bot's "
                        + "fields, a contact's values and history"),
                @Tag(name = "Contacts", description = "End users of the bots: creating and importing them, profile, "
                        + "attributes, tier, tags, opt-out, setup links"),
                @Tag(name = "Segments", description = "Saved audiences with a live count and sample"),
                @Tag(name = "Templates", description = "WhatsApp message templates of a bot's WhatsApp channels: sync, "
                        + "submit, delete, and the 24-hour-window fallback"),
                @Tag(name = "Broadcasts", description = "Messages to a segment on LINE, WhatsApp or Telegram, with "
                        + "planned recipients"),
                @Tag(name = "Alert rules", description = "Rules that raise notifications: daily LLM cost, LLM "
                        + "failure rate, hand-off waiting, credentials rejected"),
                @Tag(name = "Setup page (public)", description = "The API behind a contact's own setup page; the "
                        + "signed token in the path is the credential"),
                @Tag(name = "Conversations", description = "The inbox: conversations, messages, agent replies, "
                        + "takeover"),
                @Tag(name = "Events", description = "The live tenant event stream (Server-Sent Events)"),
                @Tag(name = "Jobs", description = "Background jobs of the tenant: failures and retries"),
                @Tag(name = "Analytics", description = "Figures in the tenant's time zone (JSON or CSV) and the "
                        + "message export"),
                @Tag(name = "Health", description = "Process and database health, served by every role"),
                @Tag(name = "Operator", description = "The operator console of the installation: tenants, suspension, "
                        + "plans, read-only impersonation, platform health (platform admins only)")
        },
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT access token or prly_ API key")
final class ParleyApiDefinition {

    private ParleyApiDefinition() {
    }
}
