package io.caseflow.designer.drawio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * draw.io labels with {@code html=1} are HTML snippets; this reads one the way draw.io renders it:
 * block elements ({@code <div>}, {@code <p>}, {@code <li>}, headings, rows) and {@code <br>} break
 * lines, other tags are dropped, entities are decoded and white space collapses as in a browser.
 *
 * <pre>{@code
 * HtmlText.lines("<div>Check</div><div>order</div>")  // ["Check", "order"]
 * HtmlText.strip("<div>Check</div><div>order</div>")  // "Check order"
 * }</pre>
 *
 * <p>One pass over the text: linear in its length whatever the markup.
 */
public final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("div", "p", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
            "h5", "h6", "tr", "table", "thead", "tbody", "blockquote", "pre", "section", "article", "header", "footer", "hr");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title");

    private HtmlText() {
    }

    /** The lines draw.io shows for an HTML label: each trimmed, white space collapsed, empty lines left out. */
    public static List<String> lines(String html) {
        List<String> lines = new ArrayList<>();
        if (html == null || html.isEmpty()) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        int n = html.length();
        int i = 0;
        String skipping = null;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i + 1);
                if (end < 0) {
                    // A lone '<' is text, as in a browser.
                    appendText(line, html.substring(i), skipping);
                    break;
                }
                String tag = tagName(html, i + 1, end);
                if (skipping != null) {
                    if (tag.equals("/" + skipping)) {
                        skipping = null;
                    }
                } else if (SKIPPED.contains(tag)) {
                    skipping = tag;
                } else if (tag.equals("br") || BLOCKS.contains(tag.startsWith("/") ? tag.substring(1) : tag)) {
                    flush(line, lines);
                }
                i = end + 1;
            } else {
                int next = html.indexOf('<', i);
                int stop = next < 0 ? n : next;
                appendText(line, html.substring(i, stop), skipping);
                i = stop;
            }
        }
        flush(line, lines);
        return lines;
    }

    /** The label on one line: its lines joined by a space. */
    public static String strip(String html) {
        return String.join(" ", lines(html));
    }

    /** The lines of a plain (not HTML) label: split at line breaks, each trimmed, empty lines left out. */
    public static List<String> plainLines(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String line : text.split("\\R", -1)) {
            String collapsed = collapse(line);
            if (!collapsed.isEmpty()) {
                lines.add(collapsed);
            }
        }
        return lines;
    }

    /** Plain text made safe to show as an HTML label. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String tagName(String html, int from, int end) {
        int i = from;
        StringBuilder name = new StringBuilder();
        if (i < end && html.charAt(i) == '/') {
            name.append('/');
            i++;
        }
        while (i < end && (Character.isLetterOrDigit(html.charAt(i)))) {
            name.append(html.charAt(i));
            i++;
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }

    private static void appendText(StringBuilder line, String text, String skipping) {
        if (skipping == null) {
            line.append(decode(text));
        }
    }

    private static void flush(StringBuilder line, List<String> lines) {
        String collapsed = collapse(line.toString());
        if (!collapsed.isEmpty()) {
            lines.add(collapsed);
        }
        line.setLength(0);
    }

    private static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Decodes character references: named ones browsers know by heart, decimal and hexadecimal. */
    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int semi = c == '&' ? text.indexOf(';', i + 1) : -1;
            String decoded = semi > i + 1 && semi - i <= 12 ? entity(text.substring(i + 1, semi)) : null;
            if (decoded != null) {
                out.append(decoded);
                i = semi + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String entity(String body) {
        try {
            if (body.startsWith("#x") || body.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(body.substring(2), 16)));
            }
            if (body.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(body.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return switch (body) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> "\u00a0";
            case "ndash" -> "\u2013";
            case "mdash" -> "\u2014";
            case "hellip" -> "\u2026";
            case "euro" -> "\u20ac";
            case "copy" -> "\u00a9";
            case "reg" -> "\u00ae";
            case "laquo" -> "\u00ab";
            case "raquo" -> "\u00bb";
            case "auml" -> "\u00e4";
            case "ouml" -> "\u00f6";
            case "uuml" -> "\u00fc";
            case "Auml" -> "\u00c4";
            case "Ouml" -> "\u00d6";
            case "Uuml" -> "\u00dc";
            case "szlig" -> "\u00df";
            case "eacute" -> "\u00e9";
            case "egrave" -> "\u00e8";
            case "rarr" -> "\u2192";
            default -> null;
        };
    }
}
