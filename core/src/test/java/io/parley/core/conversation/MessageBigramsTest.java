package io.parley.core.conversation;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.core.testing.DatabaseTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code parley_bigrams}, the key of the inbox's substring search (V175, rewritten in V208 to be linear in the text's
 * length): the distinct adjacent pairs of characters of the lower-cased text — the same set as under the first
 * definition, so the index built with it stays valid.
 */
@MicronautTest(transactional = false)
class MessageBigramsTest implements DatabaseTest {

    /** The keys, sorted; and the keys under V175's definition (inlined), sorted. */
    private static final String BOTH = """
            SELECT array(SELECT unnest(parley_bigrams(t)) ORDER BY 1),
                   array(SELECT DISTINCT substr(lower(t), i, 2) FROM generate_series(1, char_length(t) - 1) AS i
                         ORDER BY 1)
            FROM (SELECT CAST(? AS text) AS t) s""";

    @Inject
    DataSource dataSource;

    @Test
    void theKeysAreTheDistinctAdjacentPairsOfTheLowerCasedText() throws Exception {
        assertThat(keys("營業時間")[0]).containsExactly("時間", "業時", "營業");
        assertThat(keys("Hello HELLO")[0]).containsExactlyInAnyOrder("he", "el", "ll", "lo", "o ", " h");
        assertThat(keys("a")[0]).isEmpty();
        assertThat(keys("")[0]).isEmpty();
    }

    @Test
    void everyTextGetsTheSameKeysAsUnderTheFirstDefinition() throws Exception {
        List<String> texts = new ArrayList<>(List.of("", "a", "ab", "İstanbul", "ΣΑΣ", "ß straße", "😀😁 ok",
                "tab\there", "營業時間是幾點？", "Line\nbreaks\r\nand  spaces"));
        texts.add("營業時間是幾點？Opening hours please ".repeat(30)); // an LLM answer's length
        for (int i = 0; i < 50; i++) {
            texts.add("Message " + i + " " + Character.toString(0x4E00 + i * 37) + Character.toString(0x1F600 + i));
        }
        for (String text : texts) {
            String[][] keys = keys(text);
            assertThat(keys[0]).as(text).containsExactly(keys[1]);
        }
    }

    private String[][] keys(String text) throws Exception {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement select = connection.prepareStatement(BOTH)) {
            select.setString(1, text);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new String[][] {(String[]) row.getArray(1).getArray(), (String[]) row.getArray(2).getArray()};
            }
        }
    }
}
