package io.parley.api.page;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** A page of a list endpoint: pass {@code nextCursor} back as {@code ?cursor=} for the next page; null at the end. */
@Serdeable
public record PageResponse<T>(List<T> items,
                              @Nullable @Schema(description = "Opaque cursor of the next page; null on the last page")
                              String nextCursor) {

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that another page exists.
     */
    public static <R, T> PageResponse<T> of(List<R> rows, int limit, Function<R, T> mapper, Function<R, String> key) {
        boolean more = rows.size() > limit;
        List<R> page = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.encode(key.apply(page.get(page.size() - 1))) : null;
        return new PageResponse<>(page.stream().map(mapper).toList(), next);
    }
}
