package io.parley.api.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The token pair of a session, with who and where it acts. */
@Serdeable
@Schema(name = "Tokens")
public record TokenResponse(
        @Schema(requiredMode = REQUIRED,
                description = "JWT for 'Authorization: Bearer'; valid 15 minutes") String accessToken,
        @Schema(requiredMode = REQUIRED,
                description = "Opaque, single-use; exchange at /api/v1/auth/refresh. Valid 7 days") String refreshToken,
        @Schema(requiredMode = REQUIRED, example = "Bearer") String tokenType,
        @Schema(requiredMode = REQUIRED,
                description = "Access token lifetime in seconds", example = "900") int expiresIn,
        @Nullable @Schema(description = "The active tenant; null when the user belongs to none") TenantSummary tenant,
        UserSummary user) {

    @Serdeable
    @Schema(name = "TenantSummary")
    public record TenantSummary(String id, String name) {
    }

    @Serdeable
    @Schema(name = "UserSummary")
    public record UserSummary(String id, String email,
                              @Schema(requiredMode = REQUIRED, description = "Whether the user proved the address "
                                      + "(the emailed link, or a provider's verified email)") boolean emailVerified) {
    }

    @Override
    public String toString() {
        return "TokenResponse[user=" + user + "]";
    }
}
