package io.caseflow.designer.drawio;

import java.util.Map;
import org.w3c.dom.Element;

/**
 * One {@code <mxCell>} of a page as written, with the attributes of its {@code <object>} or
 * {@code <UserObject>} wrapper. {@code index} is its place in the file (reading order).
 *
 * @param wrapper    every attribute of the wrapper (empty for a bare {@code <mxCell>})
 * @param properties the wrapper's attributes that are not draw.io's own: caseflow's stage and case properties
 */
record RawCell(int index, String id, String parent, boolean vertex, boolean edge, String source, String target,
               DrawioStyle style, String label, boolean placeholders, Map<String, String> wrapper,
               Map<String, String> properties, Element geometry) {

    boolean isVertex() {
        return vertex;
    }

    boolean isEdge() {
        return edge && !vertex;
    }
}
