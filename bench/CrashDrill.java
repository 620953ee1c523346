// Zhibu crash-drill client (JDK only), driven by bench/crash-drill.sh:
//   java bench/CrashDrill.java csv     <base> <password> <file.csv> <rows>    a valid roster of <rows> new members
//   java bench/CrashDrill.java upload  <base> <password> <file.csv>           upload + validate; prints the token
//   java bench/CrashDrill.java commit  <base> <password> <token>              commit (one transaction; blocks)
//   java bench/CrashDrill.java post    <base> <password> <user> <path> [json] prints status and body
//   java bench/CrashDrill.java get     <base> <password> <user> <path>        prints status and body
//   java bench/CrashDrill.java hammer  <base> <password> <seconds> <path>     GET every 200 ms; one line per second
//                                                                             with the status counts (DB restart)
// Signs in through the API (demo accounts share <password>). Loopback targets only.
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class CrashDrill {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String token(String base, String user, String password) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    static HttpResponse<String> send(String base, String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofHours(1))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en");
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The check digit of a PRC ID number (GB 11643). */
    static char check(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int s = 0;
        for (int i = 0; i < 17; i++) {
            s += (first17.charAt(i) - '0') * w[i];
        }
        return "10X98765432".charAt(s % 11);
    }

    public static void main(String[] a) throws Exception {
        String cmd = a[0], base = a[1], pw = a[2];
        switch (cmd) {
            case "csv" -> {
                String t = token(base, "admin", pw);
                String orgs = send(base, t, "GET", "/api/v1/orgs?type=BRANCH&limit=200", null).body();
                List<String> codes = new ArrayList<>();
                Matcher m = Pattern.compile("\"code\":\"([^\"]+)\"").matcher(orgs);
                while (m.find()) {
                    codes.add(m.group(1));
                }
                int n = Integer.parseInt(a[4]);
                String[] gz = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
                String[] zh = {"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"};
                LocalDate birth0 = LocalDate.of(1930, 1, 1);
                try (BufferedWriter w = Files.newBufferedWriter(Path.of(a[3]), StandardCharsets.UTF_8)) {
                    // headers of the import template (RosterColumn)
                    w.write("姓名,性别,民族,公民身份号码,出生日期,学历,所在党组织代码,党员类别,入党日期,联系电话,家庭住址\n");
                    for (int i = 0; i < n; i++) {
                        LocalDate birth = birth0.plusDays(i / 450);
                        String first17 = "110105" + birth.toString().replace("-", "") + String.format("%03d", 500 + i % 450);
                        w.write(String.join(",", "演练" + gz[i % 10] + zh[i % 12], (i % 450) % 2 == 1 ? "男" : "女", "01",
                                first17 + check(first17), birth.toString(), "21", codes.get(i % codes.size()), "正式党员",
                                birth.plusYears(25).toString(), "139" + String.format("%08d", i), "城关镇东关村" + (i % 200) + "号"));
                        w.write('\n');
                    }
                }
                System.out.println("csv " + a[3] + ": " + n + " rows over " + codes.size() + " branches");
            }
            case "upload" -> {
                String t = token(base, "admin", pw);
                String boundary = "----zhibu" + System.nanoTime();
                byte[] file = Files.readAllBytes(Path.of(a[3]));
                var out = new java.io.ByteArrayOutputStream();
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"drill.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(file);
                out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/members/imports"))
                        .timeout(Duration.ofHours(1)).header("Authorization", "Bearer " + t)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                        HttpResponse.BodyHandlers.ofString());
                String body = r.body();
                System.out.println(body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1") + " "
                        + body.replaceAll(".*\"valid\":(\\d+).*", "valid=$1") + " " + body.replaceAll(".*\"invalid\":(\\d+).*", "invalid=$1"));
                // the token and the session token: the commit must come from the same user
                Files.writeString(Path.of(a[3] + ".session"), t);
            }
            case "commit" -> {
                String t = Files.readString(Path.of(a[4] + ".session")).strip();
                HttpResponse<String> r = send(base, t, "POST", "/api/v1/members/imports/" + a[3] + "/commit?validRowsOnly=true", "");
                System.out.println(r.statusCode() + " " + r.body());
            }
            case "post", "get" -> {
                String t = token(base, a[3], pw);
                HttpResponse<String> r = send(base, t, cmd.toUpperCase(), a[4], cmd.equals("post") ? (a.length > 5 ? a[5] : "") : null);
                System.out.println(r.statusCode() + " " + r.body());
            }
            case "hammer" -> {
                String t = token(base, "county", pw);
                long end = System.currentTimeMillis() + Integer.parseInt(a[3]) * 1000L;
                while (System.currentTimeMillis() < end) {
                    Map<String, Integer> counts = new TreeMap<>();
                    long second = System.currentTimeMillis() + 1000;
                    long worst = 0;
                    while (System.currentTimeMillis() < second) {
                        long t0 = System.nanoTime();
                        String k;
                        try {
                            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + a[4]))
                                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + t).GET().build(),
                                    HttpResponse.BodyHandlers.ofString());
                            k = String.valueOf(r.statusCode());
                        } catch (Exception e) {
                            k = "io-error";
                        }
                        worst = Math.max(worst, (System.nanoTime() - t0) / 1_000_000);
                        counts.merge(k, 1, Integer::sum);
                        Thread.sleep(200);
                    }
                    System.out.println(java.time.LocalTime.now().withNano(0) + " " + counts + " slowest " + worst + " ms");
                }
            }
            default -> throw new IllegalArgumentException(cmd);
        }
    }
}
