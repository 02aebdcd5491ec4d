package io.parley.worker.observability;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.parley.core.ServerRoles;
import io.parley.http.health.LlmHealth;
import io.parley.worker.llm.LlmSettings;
import io.parley.worker.llm.ResilientLlm;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The LLM circuit breakers ({@link ResilientLlm}) for {@code /health} and {@code /metrics}: the platform endpoint's
 * state by name, bots' own endpoints by count only (their URLs are tenants' data). Metric:
 * {@code parley_llm_circuit_open{endpoint="platform"|"bot"}}, 1/0 for the platform, the number open for bots.
 */
@Singleton
@Requires(property = ServerRoles.PROPERTY, pattern = ServerRoles.WORKER)
final class LlmCircuits implements LlmHealth.Source {

    private final ResilientLlm llm;
    private final LlmSettings settings;
    private final String platformBaseUrl;

    LlmCircuits(ResilientLlm llm, LlmSettings settings, MeterRegistry registry) {
        this.llm = llm;
        this.settings = settings;
        this.platformBaseUrl = settings.baseUrl().replaceAll("/+$", ""); // as LlmEndpoint keeps it
        Gauge.builder("parley.llm.circuit.open", this, circuits -> "OPEN".equals(circuits.current().platform()) ? 1 : 0)
                .description("1 while the platform LLM endpoint's circuit is open (calls fail at once)")
                .tag("endpoint", "platform").register(registry);
        Gauge.builder("parley.llm.circuit.open", this, circuits -> circuits.current().botEndpointsOpen())
                .description("Bots' own LLM endpoints whose circuit is open").tag("endpoint", "bot").register(registry);
    }

    @Override
    public LlmHealth current() {
        Map<String, CircuitBreaker.State> circuits = llm.circuits();
        String platform = settings.hasPlatformLlm()
                ? circuits.getOrDefault(platformBaseUrl, CircuitBreaker.State.CLOSED).name() : "NOT_CONFIGURED";
        int bots = 0;
        int open = 0;
        for (Map.Entry<String, CircuitBreaker.State> circuit : circuits.entrySet()) {
            if (!circuit.getKey().equals(platformBaseUrl)) {
                bots++;
                open += circuit.getValue() == CircuitBreaker.State.OPEN ? 1 : 0;
            }
        }
        boolean degraded = platform.equals("OPEN") || platform.equals("HALF_OPEN");
        return new LlmHealth(degraded ? "DEGRADED" : "UP", platform, bots, open);
    }
}
