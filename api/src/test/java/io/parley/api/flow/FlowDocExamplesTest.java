package io.parley.api.flow;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked examples of docs/flows.md (the blocks marked "checked by FlowDocExamplesTest": the companion with a
 * setup gate, the booking flow, the access-code pilot) are sent to the API exactly as written, each block for a bot
 * of its own, and every request must succeed: an example a reader copies is one the API accepts.
 */
@MicronautTest(transactional = false)
class FlowDocExamplesTest extends ApiTest {

    private static final String MARKER = "<!-- checked by FlowDocExamplesTest";
    private static final Pattern REQUEST = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE) (/\\S+)$");

    /** One request of a block: method, path (with {botId}) and the body as written. */
    private record Request(String method, String path, String body) {
    }

    @Test
    void everyMarkedExampleOfTheFlowsGuideIsAcceptedAsWritten() throws IOException {
        List<List<Request>> blocks = markedBlocks(Files.readString(guide()));
        assertThat(blocks).as("the companion, booking and pilot examples").hasSize(3);
        int tenant = 0;
        for (List<Request> block : blocks) {
            assertThat(block).isNotEmpty();
            Session owner = api().signup("Doc Examples " + (++tenant));
            String bot = new FlowApi(api()).bot(owner, Map.of());
            for (Request request : block) {
                Reply reply = api().send(request.method(), request.path().replace("{botId}", bot),
                        owner.accessToken(), request.body(), Map.of());
                assertThat(reply.status()).as(request.method() + " " + request.path() + ": " + reply.text())
                        .isBetween(200, 201);
            }
        }
    }

    private static Path guide() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/flows.md");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/flows.md not found above " + Path.of("").toAbsolutePath());
    }

    /** The requests of each ```json block that follows a marker line. */
    static List<List<Request>> markedBlocks(String markdown) {
        List<List<Request>> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith(MARKER)) {
                continue;
            }
            if (!lines[i + 1].equals("```json")) {
                throw new IllegalStateException("a marker must be followed by a ```json block (line " + (i + 2) + ")");
            }
            List<Request> requests = new ArrayList<>();
            String method = null;
            String path = null;
            StringBuilder body = new StringBuilder();
            for (i = i + 2; !lines[i].equals("```"); i++) {
                Matcher start = REQUEST.matcher(lines[i]);
                if (start.matches()) {
                    if (method != null) {
                        requests.add(new Request(method, path, body.toString().strip()));
                    }
                    method = start.group(1);
                    path = start.group(2);
                    body.setLength(0);
                } else {
                    body.append(lines[i]).append('\n');
                }
            }
            if (method != null) {
                requests.add(new Request(method, path, body.toString().strip()));
            }
            blocks.add(requests);
        }
        return blocks;
    }
}
