package io.caseflow.designer.drawio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A draw.io file read into its pages. Reads what draw.io writes: an {@code <mxfile>} of
 * {@code <diagram>} pages, each holding its {@code <mxGraphModel>} either as XML or compressed
 * (raw deflate + Base64 of the URL-encoded XML), and also a bare {@code <mxGraphModel>}.
 *
 * <pre>{@code
 * DrawioFile file = DrawioFile.read(Path.of("orders.drawio"));
 * DrawioImport.Result result = DrawioImport.importPage(file.pages().get(0), "orders");
 * }</pre>
 */
public record DrawioFile(String source, List<DrawioPage> pages) {

    public static DrawioFile read(Path file) throws DrawioFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DrawioFormatException(file + ": cannot read the file (" + e.getMessage() + ")", e);
        }
        return parse(text, file.toString());
    }

    public static DrawioFile parse(String xml, String source) throws DrawioFormatException {
        if (xml == null || xml.isBlank()) {
            throw new DrawioFormatException(source + ": the file is empty; a draw.io diagram is an <mxfile> XML document", null);
        }
        Document document = DrawioXml.parse(xml, source);
        Element top = document.getDocumentElement();
        List<DrawioPage> pages = new ArrayList<>();
        switch (top.getTagName()) {
            case "mxGraphModel" -> pages.add(new DrawioPage("page-1", "Page-1", top));
            case "mxfile" -> {
                int number = 0;
                for (Node n = top.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element diagram && "diagram".equals(diagram.getTagName())) {
                        number++;
                        String name = diagram.getAttribute("name").isBlank() ? "Page-" + number : diagram.getAttribute("name");
                        pages.add(new DrawioPage(diagram.getAttribute("id"), name, model(diagram, name, source)));
                    }
                }
            }
            default -> throw new DrawioFormatException(source + ": the top element is <" + top.getTagName()
                    + ">, not a draw.io <mxfile> or <mxGraphModel>", null);
        }
        if (pages.isEmpty()) {
            throw new DrawioFormatException(source + ": the file has no pages (<diagram> elements)", null);
        }
        return new DrawioFile(source, List.copyOf(pages));
    }

    private static Element model(Element diagram, String pageName, String source) throws DrawioFormatException {
        for (Node n = diagram.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "mxGraphModel".equals(e.getTagName())) {
                return e;
            }
        }
        String what = source + ", page '" + pageName + "'";
        String text = diagram.getTextContent();
        if (text == null || text.isBlank()) {
            throw new DrawioFormatException(what + ": the page is empty (no <mxGraphModel>)", null);
        }
        String xml;
        try {
            xml = DrawioCompression.decompress(text);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new DrawioFormatException(what + ": the page is compressed but cannot be decoded (" + e.getMessage()
                    + "); re-save it from draw.io", e);
        }
        Element model = DrawioXml.parse(xml, what).getDocumentElement();
        if (!"mxGraphModel".equals(model.getTagName())) {
            throw new DrawioFormatException(what + ": the page holds <" + model.getTagName() + ">, not <mxGraphModel>", null);
        }
        return model;
    }
}
