package io.parley.core.contact.imports;

import io.parley.core.queue.JobRequest;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@value #KIND} job: enqueued by the API with the import's staged rows, run by the worker. */
public final class ContactImportJob {

    public static final String KIND = "contacts.import";
    private static final Pattern ARGS = Pattern.compile("\\{\"importId\":\"([0-9a-f-]{36})\"}");

    private ContactImportJob() {
    }

    /** Unique per import: enqueued twice, it runs once. */
    public static JobRequest request(UUID importId) {
        return JobRequest.of(KIND, "{\"importId\":\"" + importId + "\"}").unique(KIND + ":" + importId);
    }

    public static Optional<UUID> importId(String argsJson) {
        Matcher matcher = ARGS.matcher(argsJson.replace(" ", ""));
        return matcher.matches() ? Optional.of(UUID.fromString(matcher.group(1))) : Optional.empty();
    }
}
