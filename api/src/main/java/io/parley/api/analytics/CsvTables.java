package io.parley.api.analytics;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.parley.core.analytics.AnalyticsTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tables as CSV (RFC 4180, header line first); the totals, when there are any, are the last line. */
final class CsvTables {

    private static final CsvMapper CSV = new CsvMapper();

    private CsvTables() {
    }

    static String write(AnalyticsTable table) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        table.columns().forEach(schema::addColumn);
        List<Map<String, Object>> rows = new ArrayList<>(table.rows());
        if (table.totals() != null) {
            rows.add(table.totals());
        }
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
