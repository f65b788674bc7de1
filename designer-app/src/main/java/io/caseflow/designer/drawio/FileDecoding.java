package io.caseflow.designer.drawio;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Bytes of a file to an XML document, or one sentence saying what the file is instead: the XML
 * parser reads the bytes itself, so a byte order mark and a declared encoding ({@code ISO-8859-1},
 * {@code UTF-16}) are honoured; binary files, images, archives and HTML pages are recognised before
 * parsing.
 */
final class FileDecoding {
    private FileDecoding() {
    }

    static Document parse(byte[] bytes, String source) throws DrawioFormatException {
        String kind = binaryKind(bytes);
        if (kind != null) {
            throw new DrawioFormatException(source + ": " + kind + ", not a draw.io diagram; open it in draw.io and save it as a .drawio file", null);
        }
        String head = head(bytes);
        if (head.isBlank()) {
            throw new DrawioFormatException(source + ": the file is empty; a draw.io diagram is an <mxfile> XML document", null);
        }
        if (looksLikeHtml(head)) {
            throw new DrawioFormatException(source + ": the file is an HTML page, not a draw.io diagram"
                    + " (saved from a browser?); in draw.io use File > Save as to get a .drawio file", null);
        }
        try {
            return DrawioXml.builder().parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (SAXParseException e) {
            throw new DrawioFormatException(source + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + explain(e), e);
        } catch (IOException e) {
            throw new DrawioFormatException(source + ": the file cannot be read as text: " + explain(e), e);
        } catch (SAXException e) {
            throw new DrawioFormatException(source + ": not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** For text already decoded (a string): a leading byte order mark is dropped, a declared encoding no longer matters. */
    static Document parse(String text, String source) throws DrawioFormatException {
        String xml = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (xml.isBlank()) {
            throw new DrawioFormatException(source + ": the file is empty; a draw.io diagram is an <mxfile> XML document", null);
        }
        if (looksLikeHtml(xml.substring(0, Math.min(xml.length(), 512)))) {
            throw new DrawioFormatException(source + ": the file is an HTML page, not a draw.io diagram"
                    + " (saved from a browser?); in draw.io use File > Save as to get a .drawio file", null);
        }
        try {
            return DrawioXml.builder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new DrawioFormatException(source + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + explain(e), e);
        } catch (SAXException | IOException e) {
            throw new DrawioFormatException(source + ": not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static String explain(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("UTF-8 sequence") || message.contains("Input length") || e instanceof CharConversionException) {
            return "the file is not valid UTF-8 text and declares no other encoding (" + message
                    + "); save it again as UTF-8, or declare its encoding, e.g. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>";
        }
        if (message.contains("Invalid encoding name") || message.contains("Unsupported encoding")) {
            return "the file declares an encoding Java does not know (" + message + ")";
        }
        return "not well-formed XML: " + message;
    }

    private static String binaryKind(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return "the file is a PNG image";
        }
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return "the file is a PDF document";
        }
        if (startsWith(b, 'P', 'K', 3, 4)) {
            return "the file is a ZIP archive (a .vsdx or Office file?)";
        }
        if (startsWith(b, 0x1f, 0x8b)) {
            return "the file is gzip-compressed";
        }
        if (startsWith(b, 0xff, 0xd8, 0xff)) {
            return "the file is a JPEG image";
        }
        boolean utf16 = startsWith(b, 0xfe, 0xff) || startsWith(b, 0xff, 0xfe);
        int n = Math.min(b.length, 8192);
        int controls = 0;
        for (int i = 0; i < n && !utf16; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                return "the file is binary (it holds NUL bytes)";
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x0c) {
                controls++;
            }
        }
        return controls > n / 20 + 1 ? "the file is binary (it holds control characters)" : null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first characters of the file, for telling what it is (a BOM dropped). */
    static String head(byte[] bytes) {
        int n = Math.min(bytes.length, 512);
        if (startsWith(bytes, 0xfe, 0xff)) {
            return new String(bytes, 2, Math.max(0, n - 2), StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xff, 0xfe)) {
            return new String(bytes, 2, Math.max(0, n - 2), StandardCharsets.UTF_16LE);
        }
        String text = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        return text.startsWith("\u00ef\u00bb\u00bf") ? text.substring(3) : text;
    }

    private static boolean looksLikeHtml(String head) {
        String h = head.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("<!doctype html") || h.startsWith("<html") || h.startsWith("<head") || h.startsWith("<body");
    }
}
