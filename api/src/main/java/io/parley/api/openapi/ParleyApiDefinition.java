package io.parley.api.openapi;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document's header, generated at build time into META-INF/swagger/parley-api.yml. */
@OpenAPIDefinition(
        info = @Info(title = "Parley admin API", version = "v1",
                description = "Everything the Parley dashboard does, for automation. Authenticate with a dashboard "
                        + "access token (JWT) or a tenant API key, both as 'Authorization: Bearer <token>'. Errors "
                        + "are RFC 9457 application/problem+json. Lists use cursor pagination: ?limit=&cursor=, "
                        + "answered with {items, nextCursor}.",
                license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT access token or prly_ API key")
final class ParleyApiDefinition {

    private ParleyApiDefinition() {
    }
}
