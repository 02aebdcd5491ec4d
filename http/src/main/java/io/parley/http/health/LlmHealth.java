package io.parley.http.health;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The LLM's circuit breakers as {@code GET /health} shows them (docs/operations/observability.md, "Health"). Only
 * processes that run turns (the worker role) report it; an open circuit never turns the process DOWN: the bot's
 * fallback message answers meanwhile, and restarting pods would not bring the provider back.
 *
 * <p>Tenants' own endpoints are counted, never named: {@code /health} is public, and a bot's base URL is the tenant's.
 */
@Serdeable
@Schema(name = "LlmHealth", description = "The LLM circuit breakers of a worker process; never makes the process DOWN")
public record LlmHealth(
        @Schema(example = "UP", allowableValues = {"UP", "DEGRADED"},
                description = "DEGRADED while the platform endpoint's circuit is not closed") String status,
        @Schema(example = "CLOSED", allowableValues = {"CLOSED", "OPEN", "HALF_OPEN", "NOT_CONFIGURED"},
                description = "The circuit of the platform's endpoint (PARLEY_LLM_BASE_URL with PARLEY_LLM_API_KEY)")
        String platform,
        @Schema(example = "2", description = "Bots' own endpoints this process has called") int botEndpoints,
        @Schema(example = "0", description = "Of those, how many have an open circuit") int botEndpointsOpen) {

    /** Where a worker's LLM state comes from (the worker module's circuit breakers). */
    public interface Source {
        LlmHealth current();
    }
}
