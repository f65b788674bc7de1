package io.caseflow.designer.drawio;

import java.io.IOException;
import java.io.StringReader;
import java.util.zip.DataFormatException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** One {@code <diagram>} to its graph model, plain or compressed; a page that cannot be read is one sentence naming it. */
final class PageReader {
    private PageReader() {
    }

    /** The page, or a {@link DrawioFormatException} whose message is the sentence ("page 'Orders' is empty"). */
    static DrawioPage read(Element diagram, String id, String name) throws DrawioFormatException {
        String what = "page '" + name + "'";
        for (Node n = diagram.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if ("mxGraphModel".equals(e.getTagName())) {
                    return new DrawioPage(id, name, e);
                }
                throw new DrawioFormatException(what + " holds <" + e.getTagName() + ">, not a draw.io diagram (<mxGraphModel>)", null);
            }
        }
        String text = diagram.getTextContent();
        if (text == null || text.isBlank()) {
            throw new DrawioFormatException(what + " is empty (it holds no diagram)", null);
        }
        String xml;
        try {
            xml = DrawioCompression.decompress(text);
        } catch (DrawioCompression.TruncatedException e) {
            throw new DrawioFormatException(what + " is compressed and its data is cut short (the file was truncated or"
                    + " only partly saved); the page cannot be read", e);
        } catch (IllegalArgumentException e) {
            throw new DrawioFormatException(what + " is compressed but its data is damaged (it is not Base64 text);"
                    + " the page cannot be read", e);
        } catch (DataFormatException e) {
            String why = e.getMessage() != null && e.getMessage().startsWith("it") ? e.getMessage() : "the compressed stream is corrupt";
            throw new DrawioFormatException(what + " is compressed but its data is damaged (" + why + "); the page cannot be read", e);
        }
        Element model;
        try {
            model = DrawioXml.builder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (SAXParseException e) {
            throw new DrawioFormatException(what + " is compressed and decodes to text that is not a diagram (cut short or"
                    + " damaged); the page cannot be read", e);
        } catch (SAXException | IOException e) {
            throw new DrawioFormatException(what + " is compressed and cannot be decoded (" + e.getMessage() + ")", e);
        }
        if (!"mxGraphModel".equals(model.getTagName())) {
            throw new DrawioFormatException(what + " holds <" + model.getTagName() + ">, not a draw.io diagram (<mxGraphModel>)", null);
        }
        return new DrawioPage(id, name, model);
    }
}
