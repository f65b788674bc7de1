package io.caseflow.designer.drawio;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * draw.io's compressed page format: the page XML is URL-encoded (like JavaScript's
 * {@code encodeURIComponent}), deflated without zlib header ("raw deflate") and Base64-encoded.
 */
public final class DrawioCompression {
    private DrawioCompression() {
    }

    /** Largest page a compressed page may decode to; past it the data is refused (a "zip bomb" or damage). */
    static final int MAX_DECODED = 256 * 1024 * 1024;

    /** The compressed data ends before the page does: the file was cut short. */
    public static final class TruncatedException extends DataFormatException {
        TruncatedException() {
            super("the compressed data ends early");
        }
    }

    public static String decompress(String base64) throws DataFormatException {
        byte[] deflated = Base64.getMimeDecoder().decode(base64.strip());
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(deflated.length * 4, 1 << 20) + 16);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new TruncatedException();
                }
                if (out.size() + n > MAX_DECODED) {
                    throw new DataFormatException("it decodes to more than " + MAX_DECODED / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, n);
            }
            String encoded = out.toString(StandardCharsets.ISO_8859_1);
            try {
                return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException("its text is not URL-encoded as draw.io writes it");
            }
        } finally {
            inflater.end();
        }
    }

    public static String compress(String xml) {
        String encoded = encodeURIComponent(xml);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(encoded.getBytes(StandardCharsets.ISO_8859_1));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /** JavaScript's encodeURIComponent: like URLEncoder but spaces as %20 and {@code !'()*~} kept. */
    static String encodeURIComponent(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("%21", "!").replace("%27", "'").replace("%28", "(")
                .replace("%29", ")").replace("%7E", "~").replace("%2A", "*");
    }
}
