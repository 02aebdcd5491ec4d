package io.parley.api.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of /api/v1/auth. Passwords never appear in toString(). */
final class AuthRequests {

    private AuthRequests() {
    }

    @Serdeable
    @Schema(name = "SignupRequest")
    record Signup(
            @NotBlank @Email @Size(max = 254) @Schema(example = "owner@example.com") String email,
            @NotBlank @Size(min = 10, max = 72, message = "must be 10 to 72 characters")
            @Schema(description = "10 to 72 characters and at most 72 bytes in UTF-8 (bcrypt's limit: 24 CJK characters)",
                    example = "correct horse battery staple", format = "password") String password,
            @NotBlank @Size(max = 120) @Schema(example = "Acme Coffee") String tenantName) {
        @Override
        public String toString() {
            return "Signup[" + email + "]";
        }
    }

    @Serdeable
    @Schema(name = "LoginRequest")
    record Login(@NotBlank @Size(max = 254) @Schema(example = "owner@example.com") String email,
                 @NotBlank @Size(max = 200) @Schema(format = "password") String password) {
        @Override
        public String toString() {
            return "Login[" + email + "]";
        }
    }

    @Serdeable
    @Schema(name = "RefreshRequest")
    record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
        @Override
        public String toString() {
            return "Refresh[***]";
        }
    }

    @Serdeable
    @Schema(name = "SwitchTenantRequest")
    record SwitchTenant(@NotBlank @Schema(description = "A tenant the user is a member of") String tenantId,
                        @Nullable @Schema(description = "The current refresh token, revoked on switch") String refreshToken) {
        @Override
        public String toString() {
            return "SwitchTenant[" + tenantId + "]";
        }
    }

    @Serdeable
    @Schema(name = "VerifyEmailRequest")
    record VerifyEmail(@NotBlank @Size(max = 200) @Schema(description = "The token of the emailed link") String token) {
        @Override
        public String toString() {
            return "VerifyEmail[***]";
        }
    }

    @Serdeable
    @Schema(name = "ForgotPasswordRequest")
    record ForgotPassword(@NotBlank @Email @Size(max = 254) @Schema(example = "owner@example.com") String email) {
        @Override
        public String toString() {
            return "ForgotPassword[***]";
        }
    }

    @Serdeable
    @Schema(name = "ResetPasswordRequest")
    record ResetPassword(
            @NotBlank @Size(max = 200) @Schema(description = "The token of the emailed link") String token,
            @NotBlank @Size(min = 10, max = 72, message = "must be 10 to 72 characters")
            @Schema(description = "The new password, as at sign-up: 10 to 72 characters and at most 72 bytes in UTF-8",
                    format = "password") String password) {
        @Override
        public String toString() {
            return "ResetPassword[***]";
        }
    }
}
