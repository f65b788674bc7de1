package io.caseflow.designer.drawio;

import org.w3c.dom.Element;

/** One page ({@code <diagram>}) of a draw.io file, its graph model already decoded. */
public record DrawioPage(String id, String name, Element graphModel) {
    @Override
    public String toString() {
        return name;
    }
}
