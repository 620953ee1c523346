// Zhibu page-timing benchmark (not a test): java bench/PageBench.java <baseUrl> <password> [runs] [user...]
// For each demo user (default: all seven) it signs in through the login form, reads the user's menu from the home
// page (the drop-down entries), then loads every menu page <runs> times (default 5, after one warm-up load) one at a
// time and prints the median and the slowest round trip per page as a Markdown table. The client runs on the same
// machine (loopback), so a round trip is the server's time to answer the whole page (scope check, queries, Thymeleaf
// rendering) plus well under a millisecond of transport. Pages over 500 ms are marked.
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class PageBench {
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern MENU = Pattern.compile("class=\"dropdown-item\"[^>]*href=\"([^\"]+)\"");

    public static void main(String[] a) throws Exception {
        String base = a[0], password = a[1];
        int runs = a.length > 2 ? Integer.parseInt(a[2]) : 5;
        List<String> users = a.length > 3 ? List.of(a).subList(3, a.length)
                : List.of("admin", "secadmin", "auditor", "county", "township", "secretary", "member");
        System.out.println("| User | Page | Median (ms) | Slowest (ms) | Size (KB) |");
        System.out.println("|---|---|---:|---:|---:|");
        int over = 0;
        for (String user : users) {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            String login = get(http, base + "/login").body();
            Matcher m = CSRF.matcher(login);
            if (!m.find()) {
                throw new IllegalStateException("no login form");
            }
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
            http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String home = get(http, base + "/").body();
            Set<String> pages = new LinkedHashSet<>();
            pages.add("/");
            Matcher mm = MENU.matcher(home);
            while (mm.find()) {
                String href = mm.group(1).replace("&amp;", "&");
                if (href.startsWith("/") && !href.startsWith("/swagger-ui")) {
                    pages.add(href);
                }
            }
            for (String page : pages) {
                get(http, base + page); // warm-up
                List<Long> times = new ArrayList<>();
                int size = 0;
                int status = 0;
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = get(http, base + page);
                    times.add((System.nanoTime() - t0) / 1_000_000);
                    size = r.body().length();
                    status = r.statusCode();
                }
                times.sort(null);
                long median = times.get(times.size() / 2);
                long max = times.getLast();
                if (median > 500) {
                    over++;
                }
                System.out.printf("| %s | `%s`%s | %d%s | %d | %d |%n", user, page, status == 200 ? "" : " (" + status + ")",
                        median, median > 500 ? " ⚠" : "", max, size / 1024);
            }
        }
        System.out.println();
        System.out.println(over == 0 ? "No page's median above 500 ms." : over + " page(s) with a median above 500 ms (⚠).");
    }

    static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
