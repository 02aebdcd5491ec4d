package io.parley.api.knowledge;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.api.testing.ApiClient.Reply;
import io.parley.api.testing.ApiClient.Session;
import io.parley.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** parley.knowledge.max-file-bytes and max-sources-per-bot are read. */
@MicronautTest(transactional = false)
class KnowledgeLimitsTest extends ApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("parley.knowledge.max-file-bytes", "10", "parley.knowledge.max-sources-per-bot", "2");
    }

    @Test
    void aFileOverTheSizeLimitIsA413() {
        Session owner = api().signup("Knowledge Size Co");
        String bot = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Mei")).string("id");

        assertThat(KnowledgeUploads.upload(api(), bot, owner.accessToken(), "ok.txt", "ten bytes!").status())
                .isEqualTo(201);
        Reply large = KnowledgeUploads.upload(api(), bot, owner.accessToken(), "large.txt", "eleven bytes");
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.string("detail")).isEqualTo("The file is larger than 10 bytes.");
    }

    @Test
    void aBotAtItsMostSourcesGetsA409() {
        Session owner = api().signup("Knowledge Count Co");
        String bot = api().post("/api/v1/bots", owner.accessToken(), Map.of("name", "Mei")).string("id");
        String path = "/api/v1/bots/" + bot + "/knowledge/sources";
        Map<String, Object> qa = Map.of("type", "qa", "question", "Q", "answer", "A");

        assertThat(api().post(path, owner.accessToken(), qa).status()).isEqualTo(201);
        assertThat(api().post(path, owner.accessToken(), qa).status()).isEqualTo(201);
        assertThat(api().post(path, owner.accessToken(), qa).status()).isEqualTo(409);
    }
}
