package io.zhibu.lifecycle;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Multipart uploads and binary downloads against the API with a bearer token (the test Api is JSON-only). */
final class Uploads {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    record Result(int status, JsonNode json, String body) {
        JsonNode at(String p) {
            return json.at(p);
        }
    }

    Uploads(int port, String username) {
        this.base = "http://localhost:" + port;
        Api.Response r = new Api(base).post("/api/v1/auth/login", "{\"username\":\"" + username + "\",\"password\":"
                + Api.quote(IntegrationTest.PASSWORD) + "}");
        this.token = r.json().get("token").asText();
    }

    Result upload(String path, String fileName, byte[] content) {
        String boundary = "----zb" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return send(req);
    }

    Result post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    byte[] download(String path, int expectedStatus) {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != expectedStatus) {
                throw new AssertionError(path + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Result send(HttpRequest req) {
        try {
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = r.body() != null && r.body().startsWith("{") ? JsonMapper.builder().build().readTree(r.body()) : null;
            return new Result(r.statusCode(), json, r.body());
        } catch (IOException e) {
            return new Result(-1, null, e.toString()); // e.g. the server closed an oversized upload
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
