package io.caseflow.designer.drawio;

/**
 * How the author drew a stage in draw.io: its style string (shape, colours) and size, so an export
 * can draw it the same way. The case model keeps only the position ({@code Layout}).
 */
public record StagePicture(String style, double width, double height) {
}
