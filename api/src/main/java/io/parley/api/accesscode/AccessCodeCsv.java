package io.parley.api.accesscode;

import java.util.List;

/**
 * A generated batch as CSV (RFC 4180, CRLF lines): {@code code,batch,maxUses,expiresAt}. Cells that a spreadsheet
 * would run as a formula (leading {@code = + - @}) are prefixed with {@code '} (OWASP "CSV injection").
 */
final class AccessCodeCsv {

    private AccessCodeCsv() {
    }

    static String of(AccessCodeWire.BatchCreated created) {
        StringBuilder csv = new StringBuilder("code,batch,maxUses,expiresAt\r\n");
        AccessCodeWire.Batch batch = created.batch();
        String expires = batch.expiresAt() == null ? "" : batch.expiresAt().toString();
        for (String code : created.codes()) {
            csv.append(String.join(",", List.of(code, cell(batch.name()), Integer.toString(batch.maxUses()), expires)))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") || !safe.equals(safe.strip())
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
