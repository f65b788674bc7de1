package io.caseflow.designer.drawio;

import static io.caseflow.designer.drawio.DrawioAttributes.*;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.RetryPolicy;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.StagePicture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a case as a one-page draw.io file that draw.io opens with the same layout and labels.
 * Stage properties are attributes of {@code <object>} wrappers (draw.io's "Edit Data"), the case's
 * own properties sit on the root cell, a stage's lane is a swimlane holding it, so {@link DrawioImport}
 * reads back an identical definition.
 */
public final class DrawioExport {
    public static final String FILE_SUFFIX = ".drawio";

    static final String TASK_STYLE = "rounded=1;whiteSpace=wrap;html=1;arcSize=12;fillColor=#dae8fc;strokeColor=#3b6ea8;fontStyle=1;";
    static final String SERVICE_STYLE = "rounded=1;whiteSpace=wrap;html=1;arcSize=12;fillColor=#e6dcf5;strokeColor=#7a4fb5;fontStyle=1;";
    static final String END_STYLE = "rounded=1;whiteSpace=wrap;html=1;arcSize=50;fillColor=#d5f0dd;strokeColor=#2e8b57;strokeWidth=2;fontStyle=1;";
    static final String START_EXTRA = "strokeWidth=3;";
    static final String LANE_STYLE = "swimlane;horizontal=0;startSize=30;html=1;whiteSpace=wrap;fillColor=none;strokeColor=#8a94a6;fontStyle=1;";
    /** Room around the stages of a lane, and the lane's title bar on its left. */
    static final double LANE_PADDING = 20;
    static final double LANE_HEADER = 30;
    static final String EDGE_STYLE = "edgeStyle=orthogonalEdgeStyle;rounded=1;html=1;endArrow=block;endFill=1;strokeColor=#4a5568;fontSize=11;labelBackgroundColor=#ffffff;";

    private DrawioExport() {
    }

    /** The file's XML; {@code compressed} writes the page the way draw.io compresses it. */
    public static String toXml(CaseDefinition definition, boolean compressed) {
        return toXml(definition, Map.of(), compressed);
    }

    /**
     * The file's XML, each stage drawn as {@code pictures} says (the style and size its author gave it,
     * from {@link DrawioImport.Result#pictures()}); stages without a picture get caseflow's own style.
     */
    public static String toXml(CaseDefinition definition, Map<String, StagePicture> pictures, boolean compressed) {
        Document doc = DrawioXml.newDocument();
        Element file = doc.createElement("mxfile");
        file.setAttribute("host", "caseflow");
        file.setAttribute("type", "device");
        doc.appendChild(file);
        Element diagram = doc.createElement("diagram");
        diagram.setAttribute("id", "caseflow-" + (definition.name() == null ? "case" : definition.name()));
        diagram.setAttribute("name", definition.name() == null ? "case" : definition.name());
        file.appendChild(diagram);

        Document modelDoc = compressed ? DrawioXml.newDocument() : doc;
        Element model = modelDoc.createElement("mxGraphModel");
        for (String[] kv : new String[][] {{"grid", "1"}, {"gridSize", "20"}, {"guides", "1"}, {"tooltips", "1"},
                {"connect", "1"}, {"arrows", "1"}, {"fold", "1"}, {"page", "0"}, {"pageScale", "1"}, {"math", "0"}, {"shadow", "0"}}) {
            model.setAttribute(kv[0], kv[1]);
        }
        Element root = modelDoc.createElement("root");
        model.appendChild(root);

        Element caseObject = modelDoc.createElement("object");
        caseObject.setAttribute("label", "");
        caseObject.setAttribute("id", "0");
        put(caseObject, CASE_NAME, definition.name());
        put(caseObject, CASE_API, definition.api());
        if (definition.version() != 0) {
            caseObject.setAttribute(CASE_VERSION, Integer.toString(definition.version()));
        }
        put(caseObject, CASE_DESCRIPTION, definition.description());
        put(caseObject, START_STAGE, definition.startStage());
        caseObject.appendChild(modelDoc.createElement("mxCell"));
        root.appendChild(caseObject);
        Element layer = modelDoc.createElement("mxCell");
        layer.setAttribute("id", "1");
        layer.setAttribute("parent", "0");
        root.appendChild(layer);

        Map<String, LaneBand> lanes = lanes(definition, pictures);
        int laneNumber = 0;
        for (LaneBand band : lanes.values()) {
            band.id = "lane-" + (++laneNumber);
            Element lane = modelDoc.createElement("mxCell");
            lane.setAttribute("id", band.id);
            lane.setAttribute("value", HtmlText.escape(band.name));
            lane.setAttribute("style", LANE_STYLE);
            lane.setAttribute("vertex", "1");
            lane.setAttribute("parent", "1");
            Element geometry = modelDoc.createElement("mxGeometry");
            geometry.setAttribute("x", number(band.x));
            geometry.setAttribute("y", number(band.y));
            geometry.setAttribute("width", number(band.width));
            geometry.setAttribute("height", number(band.height));
            geometry.setAttribute("as", "geometry");
            lane.appendChild(geometry);
            root.appendChild(lane);
        }

        Map<String, String> idByStage = new HashMap<>();
        int n = 0;
        for (StageDefinition s : definition.stages()) {
            String id = "stage-" + (++n);
            idByStage.putIfAbsent(s.name(), id);
            Element object = modelDoc.createElement("object");
            object.setAttribute("label", HtmlText.escape(s.name() == null ? "" : s.name()));
            object.setAttribute("id", id);
            object.setAttribute(KIND, s.kind().jsonName());
            put(object, HANDLER, s.handler());
            put(object, SERVICE, s.service());
            put(object, COMMAND, s.command());
            put(object, TIMEOUT, s.timeout());
            put(object, REPLY_TIMEOUT, s.replyTimeout());
            RetryPolicy r = s.retry();
            object.setAttribute(RETRY_ATTEMPTS, Integer.toString(r.maxAttempts()));
            put(object, RETRY_BACKOFF, r.backoff());
            object.setAttribute(RETRY_MULTIPLIER, number(r.multiplier()));
            put(object, RETRY_MAX_BACKOFF, r.maxBackoff());
            Element cell = modelDoc.createElement("mxCell");
            String style = switch (s.kind()) {
                case TASK -> TASK_STYLE;
                case SERVICE -> SERVICE_STYLE;
                case END -> END_STYLE;
            };
            StagePicture picture = s.name() == null ? null : pictures.get(s.name());
            if (picture != null && !picture.style().isBlank()) {
                cell.setAttribute("style", picture.style());
            } else {
                cell.setAttribute("style", s.name() != null && s.name().equals(definition.startStage()) && s.kind() != StageKind.END
                        ? style + START_EXTRA : style);
            }
            cell.setAttribute("vertex", "1");
            // A stage in a lane is the lane's child, placed relative to it, as draw.io keeps shapes in a swimlane.
            LaneBand band = s.layout().lane() == null ? null : lanes.get(s.layout().lane());
            cell.setAttribute("parent", band == null ? "1" : band.id);
            Element geometry = modelDoc.createElement("mxGeometry");
            geometry.setAttribute("x", number(s.layout().x() - (band == null ? 0 : band.x)));
            geometry.setAttribute("y", number(s.layout().y() - (band == null ? 0 : band.y)));
            boolean sized = picture != null && picture.width() > 0 && picture.height() > 0;
            geometry.setAttribute("width", number(sized ? picture.width() : NodeGeometry.WIDTH));
            geometry.setAttribute("height", number(sized ? picture.height() : NodeGeometry.HEIGHT));
            geometry.setAttribute("as", "geometry");
            cell.appendChild(geometry);
            object.appendChild(cell);
            root.appendChild(object);
        }
        int e = 0;
        for (TransitionDefinition t : definition.transitions()) {
            Element cell = modelDoc.createElement("mxCell");
            cell.setAttribute("id", "transition-" + (++e));
            cell.setAttribute("value", t.isDefault() ? "" : HtmlText.escape(t.outcome()));
            cell.setAttribute("style", EDGE_STYLE);
            cell.setAttribute("edge", "1");
            cell.setAttribute("parent", "1");
            if (idByStage.containsKey(t.from())) {
                cell.setAttribute("source", idByStage.get(t.from()));
            }
            if (idByStage.containsKey(t.to())) {
                cell.setAttribute("target", idByStage.get(t.to()));
            }
            Element geometry = modelDoc.createElement("mxGeometry");
            geometry.setAttribute("relative", "1");
            geometry.setAttribute("as", "geometry");
            cell.appendChild(geometry);
            root.appendChild(cell);
        }
        if (compressed) {
            modelDoc.appendChild(model);
            diagram.setTextContent(DrawioCompression.compress(DrawioXml.write(modelDoc.getDocumentElement(), false)));
        } else {
            diagram.appendChild(model);
        }
        return DrawioXml.write(doc.getDocumentElement(), !compressed) + System.lineSeparator();
    }

    /** A lane drawn as a horizontal band around its stages, all bands as wide as the widest. */
    private static final class LaneBand {
        final String name;
        String id;
        double x;
        double y = Double.MAX_VALUE;
        double width;
        double height;

        LaneBand(String name) {
            this.name = name;
        }
    }

    private static Map<String, LaneBand> lanes(CaseDefinition definition, Map<String, StagePicture> pictures) {
        Map<String, LaneBand> lanes = new LinkedHashMap<>();
        double left = Double.MAX_VALUE;
        double right = -Double.MAX_VALUE;
        Map<String, Double> bottoms = new HashMap<>();
        for (StageDefinition s : definition.stages()) {
            String lane = s.layout().lane();
            if (lane == null || !Double.isFinite(s.layout().x()) || !Double.isFinite(s.layout().y())) {
                continue;
            }
            StagePicture picture = s.name() == null ? null : pictures.get(s.name());
            boolean sized = picture != null && picture.width() > 0 && picture.height() > 0;
            double w = sized ? picture.width() : NodeGeometry.WIDTH;
            double h = sized ? picture.height() : NodeGeometry.HEIGHT;
            LaneBand band = lanes.computeIfAbsent(lane, LaneBand::new);
            band.y = Math.min(band.y, s.layout().y() - LANE_PADDING);
            bottoms.merge(lane, s.layout().y() + h + LANE_PADDING, Math::max);
            left = Math.min(left, s.layout().x() - LANE_PADDING - LANE_HEADER);
            right = Math.max(right, s.layout().x() + w + LANE_PADDING);
        }
        for (LaneBand band : lanes.values()) {
            band.x = left;
            band.width = right - left;
            band.height = bottoms.get(band.name) - band.y;
        }
        return lanes;
    }

    /** Writes the file in one step (a temporary file moved into place), stages drawn as {@code pictures} says. */
    public static void write(CaseDefinition definition, Map<String, StagePicture> pictures, Path file, boolean compressed)
            throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.writeString(temp, toXml(definition, pictures, compressed), StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes the file in one step, stages in caseflow's own style. */
    public static void write(CaseDefinition definition, Path file, boolean compressed) throws IOException {
        write(definition, Map.of(), file, compressed);
    }

    private static void put(Element element, String attribute, String value) {
        if (value != null) {
            element.setAttribute(attribute, value);
        }
    }

    private static void put(Element element, String attribute, Duration value) {
        if (value != null) {
            element.setAttribute(attribute, value.toString());
        }
    }

    /** A coordinate as draw.io writes it; a value that is not finite (never a real position) is written as 0. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "0";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
