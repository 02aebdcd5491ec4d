package io.parley.api.contact;

import io.parley.api.testing.ApiClient;
import io.parley.api.testing.ApiClient.Reply;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** multipart/form-data uploads of a CSV text, as a browser's FormData sends them. */
final class Uploads {

    private Uploads() {
    }

    static Reply csv(ApiClient api, String path, String token, String csv, String channelId) {
        String boundary = "----parley" + UUID.randomUUID();
        Map<String, String> fields = new LinkedHashMap<>();
        if (channelId != null) {
            fields.put("channelId", channelId);
        }
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"contacts.csv\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n").append(csv).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        return api.send("POST", path, token, body.toString(),
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }
}
