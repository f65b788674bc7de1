package io.caseflow.designer.icons;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Renders {@code icons/caseflow.svg} into the PNG sizes, a Windows {@code .ico} and a macOS
 * {@code .icns}, with the JDK alone (Java2D, ImageIO, the JDK's XML parser), so the icons are
 * reproducible on any machine: {@code icons/generate.sh}.
 *
 * <p>Understands the SVG subset the icon uses: {@code rect} (with {@code rx}), {@code circle},
 * {@code path} (M, L, H, V, C, Q, Z, absolute and relative), solid colours and
 * {@code linearGradient} fills, strokes with width and round caps.
 *
 * <pre>java -cp designer-app/target/classes io.caseflow.designer.icons.IconRenderer icons</pre>
 */
public final class IconRenderer {
    public static final int[] PNG_SIZES = {16, 32, 48, 64, 128, 256, 512};
    public static final int[] ICO_SIZES = {16, 32, 48, 64, 128, 256};

    private final Element svg;
    private final double viewSize;
    private final Map<String, Element> gradients = new HashMap<>();

    public IconRenderer(Path svgFile) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(svgFile.toFile());
        svg = doc.getDocumentElement();
        String[] box = svg.getAttribute("viewBox").trim().split("[ ,]+");
        viewSize = Double.parseDouble(box[2]);
        collectGradients(svg);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "icons");
        IconRenderer renderer = new IconRenderer(dir.resolve("caseflow.svg"));
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512, 1024}) {
            pngs.put(size, renderer.png(size));
        }
        for (int size : PNG_SIZES) {
            Files.write(dir.resolve("caseflow-" + size + ".png"), pngs.get(size));
        }
        Files.write(dir.resolve("caseflow.ico"), ico(pngs));
        Files.write(dir.resolve("caseflow.icns"), icns(pngs));
        System.out.println("wrote " + PNG_SIZES.length + " PNGs, caseflow.ico and caseflow.icns to " + dir.toAbsolutePath());
    }

    public byte[] png(int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / viewSize, size / viewSize);
        for (Node n = svg.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                draw(g, e);
            }
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private void collectGradients(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                if ("linearGradient".equals(child.getTagName())) {
                    gradients.put(child.getAttribute("id"), child);
                }
                collectGradients(child);
            }
        }
    }

    private void draw(Graphics2D g, Element e) {
        Shape shape = switch (e.getTagName()) {
            case "rect" -> {
                double x = num(e, "x");
                double y = num(e, "y");
                double w = num(e, "width");
                double h = num(e, "height");
                double rx = e.hasAttribute("rx") ? num(e, "rx") : num(e, "ry");
                yield rx > 0 ? new RoundRectangle2D.Double(x, y, w, h, 2 * rx, 2 * rx) : new Rectangle2D.Double(x, y, w, h);
            }
            case "circle" -> {
                double r = num(e, "r");
                yield new Ellipse2D.Double(num(e, "cx") - r, num(e, "cy") - r, 2 * r, 2 * r);
            }
            case "path" -> path(e.getAttribute("d"));
            default -> null;
        };
        if (shape == null) {
            return;
        }
        String fill = e.hasAttribute("fill") ? e.getAttribute("fill") : "#000000";
        if (!"none".equals(fill)) {
            g.setPaint(paint(fill));
            g.fill(shape);
        }
        String stroke = e.getAttribute("stroke");
        if (!stroke.isEmpty() && !"none".equals(stroke)) {
            int cap = "round".equals(e.getAttribute("stroke-linecap")) ? BasicStroke.CAP_ROUND : BasicStroke.CAP_BUTT;
            g.setStroke(new BasicStroke((float) (e.hasAttribute("stroke-width") ? num(e, "stroke-width") : 1), cap,
                    BasicStroke.JOIN_ROUND));
            g.setPaint(paint(stroke));
            g.draw(shape);
        }
    }

    private Paint paint(String value) {
        Matcher url = Pattern.compile("url\\(#(.+)\\)").matcher(value);
        if (url.matches()) {
            Element gradient = gradients.get(url.group(1));
            List<Float> offsets = new ArrayList<>();
            List<Color> colors = new ArrayList<>();
            for (Node n = gradient.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element stop && "stop".equals(stop.getTagName())) {
                    offsets.add(Float.parseFloat(stop.getAttribute("offset")));
                    colors.add(Color.decode(stop.getAttribute("stop-color")));
                }
            }
            float[] f = new float[offsets.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = offsets.get(i);
            }
            return new LinearGradientPaint((float) num(gradient, "x1"), (float) num(gradient, "y1"), (float) num(gradient, "x2"),
                    (float) num(gradient, "y2"), f, colors.toArray(new Color[0]));
        }
        return Color.decode(value);
    }

    private static double num(Element e, String attribute) {
        String v = e.getAttribute(attribute);
        return v.isEmpty() ? 0 : Double.parseDouble(v);
    }

    /** Parses SVG path data (M L H V C Q Z, absolute and relative). */
    static Path2D path(String d) {
        Path2D.Double p = new Path2D.Double();
        Matcher m = Pattern.compile("[MLHVCQZmlhvcqz]|-?\\d*\\.?\\d+(?:e-?\\d+)?").matcher(d);
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(m.group());
        }
        double x = 0;
        double y = 0;
        double sx = 0;
        double sy = 0;
        char cmd = 'M';
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i);
            if (Character.isLetter(t.charAt(0))) {
                cmd = t.charAt(0);
                i++;
                if (cmd == 'Z' || cmd == 'z') {
                    p.closePath();
                    x = sx;
                    y = sy;
                    continue;
                }
            }
            boolean rel = Character.isLowerCase(cmd);
            double bx = rel ? x : 0;
            double by = rel ? y : 0;
            switch (Character.toUpperCase(cmd)) {
                case 'M' -> {
                    x = bx + Double.parseDouble(tokens.get(i++));
                    y = by + Double.parseDouble(tokens.get(i++));
                    p.moveTo(x, y);
                    sx = x;
                    sy = y;
                    cmd = rel ? 'l' : 'L';
                }
                case 'L' -> {
                    x = bx + Double.parseDouble(tokens.get(i++));
                    y = by + Double.parseDouble(tokens.get(i++));
                    p.lineTo(x, y);
                }
                case 'H' -> {
                    x = bx + Double.parseDouble(tokens.get(i++));
                    p.lineTo(x, y);
                }
                case 'V' -> {
                    y = by + Double.parseDouble(tokens.get(i++));
                    p.lineTo(x, y);
                }
                case 'C' -> {
                    double[] v = new double[6];
                    for (int k = 0; k < 6; k++) {
                        v[k] = Double.parseDouble(tokens.get(i++)) + (k % 2 == 0 ? bx : by);
                    }
                    p.curveTo(v[0], v[1], v[2], v[3], v[4], v[5]);
                    x = v[4];
                    y = v[5];
                }
                case 'Q' -> {
                    double[] v = new double[4];
                    for (int k = 0; k < 4; k++) {
                        v[k] = Double.parseDouble(tokens.get(i++)) + (k % 2 == 0 ? bx : by);
                    }
                    p.quadTo(v[0], v[1], v[2], v[3]);
                    x = v[2];
                    y = v[3];
                }
                default -> throw new IllegalArgumentException("unsupported path command " + cmd);
            }
        }
        return p;
    }

    /** A Windows icon: a directory of PNG images (Vista and later read PNG entries). */
    static byte[] ico(Map<Integer, byte[]> pngs) {
        int count = ICO_SIZES.length;
        int offset = 6 + 16 * count;
        int total = offset;
        for (int s : ICO_SIZES) {
            total += pngs.get(s).length;
        }
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) count);
        for (int s : ICO_SIZES) {
            byte[] png = pngs.get(s);
            b.put((byte) (s >= 256 ? 0 : s)).put((byte) (s >= 256 ? 0 : s)).put((byte) 0).put((byte) 0);
            b.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(offset);
            offset += png.length;
        }
        for (int s : ICO_SIZES) {
            b.put(pngs.get(s));
        }
        return b.array();
    }

    /** A macOS icon family: PNG entries under their OSType codes (1x and 2x). */
    static byte[] icns(Map<Integer, byte[]> pngs) throws IOException {
        Object[][] entries = {{"icp4", 16}, {"icp5", 32}, {"icp6", 64}, {"ic07", 128}, {"ic08", 256}, {"ic09", 512},
                {"ic10", 1024}, {"ic11", 32}, {"ic12", 64}, {"ic13", 256}, {"ic14", 512}};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        for (Object[] entry : entries) {
            byte[] png = pngs.get((Integer) entry[1]);
            out.writeBytes((String) entry[0]);
            out.writeInt(8 + png.length);
            out.write(png);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(8 + body.size());
        header.write(body.toByteArray());
        return file.toByteArray();
    }
}
