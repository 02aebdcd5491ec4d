package io.parley.core.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement with {@code :name} parameters, bound from a map (a name may appear many times). The analytics SQL is
 * built from optional filters and repeats its bounds in every branch of a UNION; Micronaut Data's {@code @Query}
 * cannot vary its text. Casts must be written {@code CAST(… AS …)}, not {@code ::}.
 */
final class NamedSql {

    private static final Pattern NAME = Pattern.compile("(?<![:\\w]):([a-zA-Z][a-zA-Z0-9]*)");

    private NamedSql() {
    }

    static PreparedStatement prepare(Connection connection, String sql, Map<String, ?> values) throws SQLException {
        Matcher matcher = NAME.matcher(sql);
        List<Object> ordered = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name);
            }
            ordered.add(values.get(name));
            matcher.appendReplacement(text, "?");
        }
        matcher.appendTail(text);
        PreparedStatement statement = connection.prepareStatement(text.toString());
        for (int i = 0; i < ordered.size(); i++) {
            Object value = ordered.get(i);
            statement.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
        }
        return statement;
    }
}
