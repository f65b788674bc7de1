package io.caseflow.designer.drawio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The diagram draw.io embeds in its image exports ("Include a copy of my diagram"):
 * <ul>
 *   <li>PNG: a text chunk before the image data, keyword {@code mxfile} (today's draw.io: {@code tEXt},
 *       the file's XML URL-encoded) or {@code mxGraphModel} (older versions: {@code zTXt}, compressed);
 *       {@code iTXt} is read too. Chunks are walked by their declared lengths, each checked against the
 *       bytes left, and the diagram's chunk against its CRC, so a cut or damaged file is one sentence.</li>
 *   <li>SVG: the file's XML in the root {@code <svg>}'s {@code content} attribute. draw.io's SVG starts
 *       with a DOCTYPE, which the diagram parser refuses on principle, so the attribute is read with a
 *       streaming parser that skips DTDs without reading them.</li>
 * </ul>
 */
final class EmbeddedDiagram {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Chunks walked before giving up; a real image has a handful, a few thousand at most. */
    static final int MAX_CHUNKS = 100_000;
    /** URL-decoding rounds: draw.io sometimes encodes twice, never more. */
    private static final int MAX_DECODE_ROUNDS = 3;

    private EmbeddedDiagram() {
    }

    static boolean isPng(byte[] bytes) {
        if (bytes.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (bytes[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text starts like an SVG image (after a declaration, comments and a DOCTYPE). */
    static boolean looksLikeSvg(String head) {
        String h = head.toLowerCase(Locale.ROOT);
        int svg = h.indexOf("<svg");
        if (svg < 0) {
            return false;
        }
        int mxfile = h.indexOf("<mxfile");
        int model = h.indexOf("<mxgraphmodel");
        return (mxfile < 0 || svg < mxfile) && (model < 0 || svg < model);
    }

    /** The draw.io file's XML carried by a PNG image, or one sentence saying why there is none. */
    static String fromPng(byte[] png, String source) throws DrawioFormatException {
        String what = source + ": the file is a PNG image";
        int at = PNG_SIGNATURE.length;
        for (int chunks = 0; chunks < MAX_CHUNKS; chunks++) {
            if (at == png.length) {
                break;
            }
            if (png.length - at < 12) {
                throw new DrawioFormatException(what + " that is cut short (it ends inside a chunk header at byte " + at
                        + "), and no diagram was found before that point", null);
            }
            long length = readUnsigned(png, at);
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            long left = png.length - (long) at - 12;
            if (length > Integer.MAX_VALUE) {
                throw new DrawioFormatException(what + " that is damaged: its chunk '" + printable(type) + "' at byte " + at
                        + " declares " + length + " bytes, more than a PNG chunk may hold; no diagram was found before it", null);
            }
            if (length > left) {
                throw new DrawioFormatException(what + " that is cut short: its chunk '" + printable(type) + "' at byte " + at
                        + " declares " + length + " bytes but only " + Math.max(left, 0) + " follow; no diagram was found before it", null);
            }
            int dataAt = at + 8;
            int size = (int) length;
            if (type.equals("tEXt") || type.equals("zTXt") || type.equals("iTXt")) {
                String keyword = keyword(png, dataAt, size);
                if (keyword.equals("mxfile") || keyword.equals("mxGraphModel")) {
                    checkCrc(png, at, size, type, what);
                    return diagramText(png, dataAt, size, type, keyword, what);
                }
            }
            if (type.equals("IEND")) {
                break;
            }
            at = dataAt + size + 4;
        }
        throw new DrawioFormatException(what + " without a diagram in it; in draw.io, export it again with"
                + " 'Include a copy of my diagram' checked, or save the diagram as a .drawio file", null);
    }

    /** The draw.io file's XML in an SVG image's {@code content} attribute, or one sentence saying why there is none. */
    static String fromSvg(byte[] svg, String source) throws DrawioFormatException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(svg));
            // Only the root element matters; stop at it.
            while (reader.hasNext() && reader.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog: declaration, comments, DOCTYPE
            }
            if (!reader.isStartElement() || !reader.getLocalName().equals("svg")) {
                throw new DrawioFormatException(source + ": the file is not an SVG image", null);
            }
            String content = reader.getAttributeValue(null, "content");
            if (content == null || content.isBlank()) {
                throw new DrawioFormatException(source + ": the file is an SVG image without a diagram in it; in draw.io,"
                        + " export it again with 'Include a copy of my diagram' checked, or save the diagram as a .drawio file", null);
            }
            String text = content.strip();
            if (text.startsWith("<")) {
                return text;
            }
            try {
                // Older draw.io versions wrote the file compressed, like a page.
                return DrawioCompression.decompress(text);
            } catch (DataFormatException | IllegalArgumentException e) {
                throw new DrawioFormatException(source + ": the file is an SVG image whose embedded diagram is damaged"
                        + " (its content attribute is neither XML nor compressed draw.io data)", e);
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNumber() + ":" + e.getLocation().getColumnNumber();
            throw new DrawioFormatException(source + where + ": the file looks like an SVG image but is not well-formed XML ("
                    + e.getMessage() + ")", e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing was held open on a byte array
                }
            }
        }
    }

    private static String diagramText(byte[] png, int dataAt, int size, String type, String keyword, String what)
            throws DrawioFormatException {
        int afterKeyword = dataAt + keyword.length() + 1;
        int end = dataAt + size;
        String text;
        try {
            switch (type) {
                case "tEXt" -> text = new String(png, afterKeyword, end - afterKeyword, StandardCharsets.ISO_8859_1);
                case "zTXt" -> {
                    if (afterKeyword >= end) {
                        throw new DataFormatException("the chunk ends after its keyword");
                    }
                    text = new String(inflate(png, afterKeyword + 1, end - afterKeyword - 1), StandardCharsets.ISO_8859_1);
                }
                default -> text = internationalText(png, afterKeyword, end);
            }
        } catch (DataFormatException e) {
            throw new DrawioFormatException(what + " whose embedded diagram (chunk '" + type + "', keyword '" + keyword
                    + "') is damaged: " + e.getMessage(), e);
        }
        String xml = text.strip();
        for (int round = 0; round < MAX_DECODE_ROUNDS && xml.startsWith("%"); round++) {
            try {
                // Java's URLEncoder (older draw.io servers) wrote '+' for a space; a literal '+' is "%2B" either way.
                xml = URLDecoder.decode(keyword.equals("mxGraphModel") ? xml : xml.replace("+", "%2B"), StandardCharsets.UTF_8).strip();
            } catch (IllegalArgumentException e) {
                throw new DrawioFormatException(what + " whose embedded diagram is not URL-encoded as draw.io writes it ("
                        + e.getMessage() + ")", e);
            }
        }
        if (!xml.startsWith("<")) {
            throw new DrawioFormatException(what + " whose '" + keyword + "' chunk holds no diagram XML", null);
        }
        return xml;
    }

    /** iTXt: keyword, compression flag and method, language tag, translated keyword, then UTF-8 text (zlib when flagged). */
    private static String internationalText(byte[] png, int at, int end) throws DataFormatException {
        if (end - at < 2) {
            throw new DataFormatException("the chunk ends after its keyword");
        }
        boolean compressed = png[at] != 0;
        int language = nul(png, at + 2, end);
        int translated = language < 0 ? -1 : nul(png, language + 1, end);
        if (translated < 0) {
            throw new DataFormatException("the chunk's language fields are not terminated");
        }
        int textAt = translated + 1;
        byte[] text = compressed ? inflate(png, textAt, end - textAt) : Arrays.copyOfRange(png, textAt, end);
        return new String(text, StandardCharsets.UTF_8);
    }

    /** zlib data (PNG's compression method 0); raw deflate too, which some older writers used. */
    private static byte[] inflate(byte[] data, int offset, int length) throws DataFormatException {
        try {
            return inflate(data, offset, length, false);
        } catch (DataFormatException zlibFailed) {
            return inflate(data, offset, length, true);
        }
    }

    private static byte[] inflate(byte[] data, int offset, int length, boolean raw) throws DataFormatException {
        Inflater inflater = new Inflater(raw);
        try {
            inflater.setInput(data, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(length * 4, 1 << 20) + 16);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("its compressed data ends early");
                }
                if (out.size() + n > DrawioCompression.MAX_DECODED) {
                    throw new DataFormatException("it decodes to more than " + DrawioCompression.MAX_DECODED / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    private static void checkCrc(byte[] png, int at, int size, String type, String what) throws DrawioFormatException {
        CRC32 crc = new CRC32();
        crc.update(png, at + 4, 4 + size);
        long stored = readUnsigned(png, at + 8 + size);
        if (crc.getValue() != stored) {
            throw new DrawioFormatException(what + " that is damaged: the checksum of its '" + type + "' chunk at byte " + at
                    + ", which holds the diagram, does not match; the diagram cannot be trusted and was not read", null);
        }
    }

    private static String keyword(byte[] png, int at, int size) {
        int end = nul(png, at, at + Math.min(size, 80));
        return end < 0 ? "" : new String(png, at, end - at, StandardCharsets.ISO_8859_1);
    }

    private static int nul(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static long readUnsigned(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? type : "?";
    }
}
