package io.zhibu.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like session for page tests: form login with CSRF, cookies kept, no redirects followed. */
public final class WebSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;

    public record Page(int status, String body, String location) {
    }

    public WebSession(int port, String username, String password) {
        this.base = "http://localhost:" + port;
        Page login = post("/login", Map.of("username", username, "password", password));
        if (login.status() != 302 || login.location() == null || login.location().contains("error")) {
            throw new IllegalStateException("form login failed for " + username + ": " + login);
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en").GET());
    }

    /** POSTs a form with the CSRF token taken from a fresh page of this session. */
    public Page post(String path, Map<String, String> form) {
        String token = csrf();
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")) + "&_csrf=" + enc(token);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String csrf() {
        Page p = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
        Matcher m = CSRF.matcher(p.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        return m.group(1);
    }

    private Page send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
