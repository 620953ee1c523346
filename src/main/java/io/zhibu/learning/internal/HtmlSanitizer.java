package io.zhibu.learning.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Study articles are rich text from an editor: only an allow-list of formatting tags survives (no scripts, styles,
 * event handlers, frames or javascript: links); images only from https or the platform itself.
 */
public final class HtmlSanitizer {
    private static final Safelist SAFE = Safelist.relaxed()
            .removeTags("img")
            .addTags("hr", "figure", "figcaption")
            .addProtocols("a", "href", "https", "http")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer");

    private HtmlSanitizer() {
    }

    public static String clean(String html) {
        if (html == null) {
            return null;
        }
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFE, out).strip();
    }

    /** The text without any markup (for the length check and empty-body detection). */
    public static String text(String html) {
        return html == null ? "" : Jsoup.parse(html).text().strip();
    }
}
