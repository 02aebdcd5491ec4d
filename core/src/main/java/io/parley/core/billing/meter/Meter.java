package io.parley.core.billing.meter;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** A configured meter, checked ({@link MeterCatalog}). */
public record Meter(String eventName, @Nullable String meterId, MeterQuantity quantity, List<String> plans) {
}
