package io.caseflow.designer.drawio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A draw.io file read into its pages. Reads what draw.io writes: an {@code <mxfile>} of
 * {@code <diagram>} pages, each holding its {@code <mxGraphModel>} either as XML or compressed
 * (raw deflate + Base64 of the URL-encoded XML), a bare {@code <mxGraphModel>}, and an editable
 * SVG or PNG export (the file embedded in the image, see {@link EmbeddedDiagram}). A page that cannot be read (empty, cut
 * short, damaged) is one sentence in {@link #problems()} and the other pages are still there; only
 * a file with no readable page at all is refused.
 *
 * <pre>{@code
 * DrawioFile file = DrawioFile.read(Path.of("orders.drawio"));
 * file.problems();  // ["page 'Draft' is empty (it holds no diagram)"]
 * DrawioImport.Result result = DrawioImport.importPage(file.pages().get(0), "orders");
 * }</pre>
 *
 * @param pages    the pages that can be imported, in file order
 * @param problems one sentence per page that cannot be read, naming the page
 */
public record DrawioFile(String source, List<DrawioPage> pages, List<String> problems) {
    /** Pages read from one file. */
    static final int MAX_PAGES = 1_000;
    /** Largest file read. */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    public DrawioFile(String source, List<DrawioPage> pages) {
        this(source, pages, List.of());
    }

    public static DrawioFile read(Path file) throws DrawioFormatException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new DrawioFormatException(file + ": the file is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MB, far more than a draw.io diagram", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DrawioFormatException(file + ": cannot read the file (" + e.getMessage() + ")", e);
        }
        return parse(bytes, file.toString());
    }

    /**
     * A file's bytes: a draw.io file, or a PNG or SVG image draw.io exported with a copy of the
     * diagram in it ({@link EmbeddedDiagram}); {@code source} names it in messages.
     */
    public static DrawioFile parse(byte[] bytes, String source) throws DrawioFormatException {
        if (EmbeddedDiagram.isPng(bytes)) {
            return pages(FileDecoding.parse(EmbeddedDiagram.fromPng(bytes, source), source), source);
        }
        if (EmbeddedDiagram.looksLikeSvg(FileDecoding.head(bytes))) {
            return pages(FileDecoding.parse(EmbeddedDiagram.fromSvg(bytes, source), source), source);
        }
        return pages(FileDecoding.parse(bytes, source), source);
    }

    public static DrawioFile parse(String xml, String source) throws DrawioFormatException {
        if (xml == null) {
            throw new DrawioFormatException(source + ": the file is empty; a draw.io diagram is an <mxfile> XML document", null);
        }
        return pages(FileDecoding.parse(xml, source), source);
    }

    private static DrawioFile pages(Document document, String source) throws DrawioFormatException {
        Element top = document.getDocumentElement();
        if ("svg".equals(top.getTagName()) && !top.getAttribute("content").isBlank()) {
            return pages(FileDecoding.parse(top.getAttribute("content"), source), source);
        }
        List<DrawioPage> pages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        switch (top.getTagName()) {
            case "mxGraphModel" -> pages.add(new DrawioPage("page-1", "Page-1", top));
            case "mxfile" -> {
                int number = 0;
                for (Node n = top.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element diagram && "diagram".equals(diagram.getTagName())) {
                        number++;
                        if (number > MAX_PAGES) {
                            problems.add("the file has more than " + MAX_PAGES + " pages; the rest were not read");
                            break;
                        }
                        String name = diagram.getAttribute("name").isBlank() ? "Page-" + number : diagram.getAttribute("name");
                        try {
                            pages.add(PageReader.read(diagram, diagram.getAttribute("id"), name));
                        } catch (DrawioFormatException e) {
                            problems.add(e.getMessage());
                        }
                    }
                }
            }
            case "html" -> throw new DrawioFormatException(source + ": the file is an HTML page, not a draw.io diagram"
                    + " (saved from a browser?); in draw.io use File > Save as to get a .drawio file", null);
            default -> throw new DrawioFormatException(source + ": the top element is <" + top.getTagName()
                    + ">, not a draw.io <mxfile> or <mxGraphModel>", null);
        }
        if (pages.isEmpty()) {
            throw new DrawioFormatException(source + ": " + (problems.isEmpty()
                    ? "the file has no pages (<diagram> elements)"
                    : "no page can be read: " + String.join("; ", problems)), null);
        }
        return new DrawioFile(source, List.copyOf(pages), List.copyOf(problems));
    }
}
