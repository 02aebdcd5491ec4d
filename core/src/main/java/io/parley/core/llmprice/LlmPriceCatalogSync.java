package io.parley.core.llmprice;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes the operator's prices into llm_prices at every start, as {@code PlanCatalogSync} does for plans, so SQL
 * reports can join usage to prices; a model that left the configuration leaves the table. The turn path reads the
 * prices from memory ({@link LlmPriceCatalog}), so a start while the database is down only logs: the table is
 * written again at the next start.
 */
@Singleton
@Requires(property = "datasources.default.url")
final class LlmPriceCatalogSync implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(LlmPriceCatalogSync.class);

    private static final String UPSERT = """
            INSERT INTO llm_prices (model, input_per_million, output_per_million, updated_at) VALUES (?, ?, ?, now())
            ON CONFLICT (model) DO UPDATE SET input_per_million = EXCLUDED.input_per_million,
                output_per_million = EXCLUDED.output_per_million, updated_at = now()
            WHERE (llm_prices.input_per_million, llm_prices.output_per_million)
                IS DISTINCT FROM (EXCLUDED.input_per_million, EXCLUDED.output_per_million)""";

    private final LlmPriceCatalog catalog;
    private final TransactionOperations<Connection> transactions;

    LlmPriceCatalogSync(LlmPriceCatalog catalog, TransactionOperations<Connection> transactions) {
        this.catalog = catalog;
        this.transactions = transactions;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            sync();
        } catch (RuntimeException e) {
            LOG.warn("Could not write the LLM price table ({}); it is written again at the next start",
                    e.getClass().getSimpleName());
        }
    }

    void sync() {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT);
                 PreparedStatement remove = connection.prepareStatement(
                         "DELETE FROM llm_prices WHERE NOT (model = ANY (?))")) {
                for (LlmPrice price : catalog.prices()) {
                    upsert.setString(1, price.model());
                    upsert.setLong(2, price.inputPerMillion());
                    upsert.setLong(3, price.outputPerMillion());
                    upsert.addBatch();
                }
                upsert.executeBatch();
                remove.setArray(1, connection.createArrayOf("text",
                        catalog.prices().stream().map(LlmPrice::model).toArray()));
                remove.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write the LLM price table", e);
            }
            return null;
        });
        LOG.info("LLM prices from the configuration: {}", catalog.prices().stream().map(LlmPrice::model).toList());
    }
}
