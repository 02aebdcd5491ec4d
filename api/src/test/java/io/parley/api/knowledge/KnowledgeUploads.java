package io.parley.api.knowledge;

import io.parley.api.testing.ApiClient;
import io.parley.api.testing.ApiClient.Reply;

import java.util.Map;
import java.util.UUID;

/** A document uploaded as a browser's FormData sends it. */
final class KnowledgeUploads {

    private KnowledgeUploads() {
    }

    static Reply upload(ApiClient api, String botId, String token, String fileName, String content) {
        String boundary = "----parley" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n"
                + "--" + boundary + "--\r\n";
        return api.send("POST", "/api/v1/bots/" + botId + "/knowledge/sources/files", token, body,
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }
}
