package io.parley.api.contact.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.micronaut.json.tree.JsonNode;
import io.parley.core.channel.ChannelType;
import io.parley.core.contact.ContactAttributes;
import io.parley.core.contact.ContactTags;
import io.parley.core.contact.ExternalUserIds;
import io.parley.core.contact.InvalidAttributesException;
import io.parley.core.tenancy.Ids;
import io.parley.http.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a contacts CSV (RFC 4180, UTF-8, a header row) record by record with FastCSV, so a 100,000-row file never
 * sits in memory, and checks every row: each valid one goes to {@code valid}, each invalid one to {@code invalid}.
 *
 * <p>Columns (header names ignore case): {@code externalUserId} (required), {@code channelId} (unless the upload
 * names one channel for all rows), {@code displayName}, {@code tier}, {@code tags} ({@code ;}-separated) and
 * {@code attributes.<key>} (a string attribute each). An empty cell leaves that value of an existing contact as it
 * is. An unknown column rejects the whole file (400), as unknown JSON properties do.
 */
final class ContactCsv {

    static final String EXTERNAL_USER_ID = "externaluserid";
    private static final String CHANNEL_ID = "channelid";
    private static final String DISPLAY_NAME = "displayname";
    private static final String TIER = "tier";
    private static final String TAGS = "tags";
    private static final String ATTRIBUTE_PREFIX = "attributes.";
    private static final Pattern TIER_PATTERN = Pattern.compile("[a-z0-9_-]{1,40}");

    /** A valid row; {@code line} is its line in the file (the header is line 1). */
    record Row(int line, UUID channelId, String externalUserId, String displayName, String tier, List<String> tags,
               Map<String, String> attributes) {
    }

    record RowError(int line, String field, String message) {
    }

    private final ContactAttributes attributes;
    private final Function<UUID, Optional<ChannelType>> channelTypes;
    private final UUID defaultChannel;
    private final int maxRows;

    /**
     * @param channelTypes   the type of one of the tenant's channels (empty when it is not the tenant's)
     * @param defaultChannel the channel of rows without a channelId cell, or null
     */
    ContactCsv(ContactAttributes attributes, Function<UUID, Optional<ChannelType>> channelTypes, UUID defaultChannel,
               int maxRows) {
        this.attributes = attributes;
        this.channelTypes = channelTypes;
        this.defaultChannel = defaultChannel;
        this.maxRows = maxRows;
    }

    /** Reads every data row; returns their number. Throws a 400 for a file that cannot be read at all. */
    int read(InputStream input, Consumer<Row> valid, Consumer<RowError> invalid) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .skipEmptyLines(true).detectBomHeader(true).ofCsvRecord(input, StandardCharsets.UTF_8)) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw ProblemException.invalidField("file", "is empty; the first line must name the columns");
            }
            List<String> header = header(records.next().getFields());
            int rows = 0;
            while (records.hasNext()) {
                CsvRecord record = records.next();
                if (++rows > maxRows) {
                    throw ProblemException.invalidField("file", "has more than " + maxRows + " rows; split it");
                }
                int line = (int) record.getStartingLineNumber();
                if (record.getFieldCount() != header.size()) {
                    invalid.accept(new RowError(line, "row", "has " + record.getFieldCount() + " fields; the header "
                            + "has " + header.size()));
                    continue;
                }
                check(line, header, record.getFields()).ifPresentOrElse(invalid, () -> valid.accept(
                        row(line, header, record.getFields())));
            }
            return rows;
        } catch (CsvParseException e) {
            throw ProblemException.invalidField("file", "is not a readable CSV file: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> header(List<String> names) {
        List<String> header = new ArrayList<>();
        for (String name : names) {
            String key = name.strip();
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.startsWith(ATTRIBUTE_PREFIX) && lower.length() > ATTRIBUTE_PREFIX.length()) {
                header.add(ATTRIBUTE_PREFIX + key.substring(ATTRIBUTE_PREFIX.length()));
            } else if (List.of(EXTERNAL_USER_ID, CHANNEL_ID, DISPLAY_NAME, TIER, TAGS).contains(lower)) {
                header.add(lower);
            } else {
                throw ProblemException.invalidField("file", "unknown column '" + abbreviate(key) + "'; use "
                        + "externalUserId, channelId, displayName, tier, tags or attributes.<key>");
            }
        }
        if (!header.contains(EXTERNAL_USER_ID)) {
            throw ProblemException.invalidField("file", "needs an externalUserId column");
        }
        if (!header.contains(CHANNEL_ID) && defaultChannel == null) {
            throw ProblemException.invalidField("channelId", "send a channelId, or a channelId column in the file");
        }
        return header;
    }

    /** The first problem of a row, if any. */
    private Optional<RowError> check(int line, List<String> header, List<String> fields) {
        Map<String, String> cells = cells(header, fields);
        UUID channel = channelOf(cells);
        if (channel == null) {
            return Optional.of(new RowError(line, "channelId", "is not a channel id"));
        }
        Optional<ChannelType> type = channelTypes.apply(channel);
        if (type.isEmpty()) {
            return Optional.of(new RowError(line, "channelId", "is not a channel of this tenant"));
        }
        try {
            ExternalUserIds.normalize(type.get(), cells.getOrDefault(EXTERNAL_USER_ID, ""));
        } catch (IllegalArgumentException e) {
            return Optional.of(new RowError(line, "externalUserId", e.getMessage()));
        }
        String name = cells.get(DISPLAY_NAME);
        if (name != null && name.length() > 200) {
            return Optional.of(new RowError(line, "displayName", "must be at most 200 characters"));
        }
        String tier = cells.get(TIER);
        if (tier != null && !TIER_PATTERN.matcher(tier).matches()) {
            return Optional.of(new RowError(line, "tier", "must be 1-40 of a-z, 0-9, _ or -"));
        }
        try {
            tags(cells);
        } catch (IllegalArgumentException e) {
            return Optional.of(new RowError(line, "tags", e.getMessage()));
        }
        try {
            attributes.merge("{}", JsonNode.createObjectNode(attributeCells(cells).entrySet().stream().collect(
                    LinkedHashMap::new, (map, e) -> map.put(e.getKey(), JsonNode.createStringNode(e.getValue())),
                    Map::putAll)));
        } catch (InvalidAttributesException e) {
            return Optional.of(new RowError(line, e.field(), e.reason()));
        }
        return Optional.empty();
    }

    private Row row(int line, List<String> header, List<String> fields) {
        Map<String, String> cells = cells(header, fields);
        UUID channel = channelOf(cells);
        ChannelType type = channelTypes.apply(channel).orElseThrow();
        return new Row(line, channel, ExternalUserIds.normalize(type, cells.get(EXTERNAL_USER_ID)),
                cells.get(DISPLAY_NAME), cells.get(TIER), tags(cells), attributeCells(cells));
    }

    private UUID channelOf(Map<String, String> cells) {
        String given = cells.get(CHANNEL_ID);
        return given == null ? defaultChannel : Ids.parse(given).orElse(null);
    }

    /** The row's non-empty cells, trimmed, by column. */
    private static Map<String, String> cells(List<String> header, List<String> fields) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String value = fields.get(i).strip();
            if (!value.isEmpty()) {
                cells.put(header.get(i), value);
            }
        }
        return cells;
    }

    private static List<String> tags(Map<String, String> cells) {
        String tags = cells.get(TAGS);
        return tags == null ? null : ContactTags.normalize(Arrays.stream(tags.split(";"))
                .map(String::strip).filter(tag -> !tag.isEmpty()).toList());
    }

    private static Map<String, String> attributeCells(Map<String, String> cells) {
        Map<String, String> values = new LinkedHashMap<>();
        cells.forEach((column, value) -> {
            if (column.startsWith(ATTRIBUTE_PREFIX)) {
                values.put(column.substring(ATTRIBUTE_PREFIX.length()), value);
            }
        });
        return values;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
