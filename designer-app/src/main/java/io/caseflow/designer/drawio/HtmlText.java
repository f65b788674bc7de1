package io.caseflow.designer.drawio;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** draw.io labels with {@code html=1} are HTML snippets; this turns one into plain text and back. */
public final class HtmlText {
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(div|p|li)>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");

    private HtmlText() {
    }

    /** Tags removed (line breaks become spaces), entities decoded, white space collapsed. */
    public static String strip(String html) {
        if (html == null) {
            return "";
        }
        String text = BREAK.matcher(html).replaceAll(" ");
        text = TAG.matcher(text).replaceAll("");
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    /** Plain text made safe to show as an HTML label. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String entity(String body, String whole) {
        try {
            if (body.startsWith("#x") || body.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(body.substring(2), 16)));
            }
            if (body.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(body.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return whole;
        }
        return switch (body) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> whole;
        };
    }
}
