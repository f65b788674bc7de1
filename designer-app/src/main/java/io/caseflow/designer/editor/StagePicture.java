package io.caseflow.designer.editor;

/**
 * How the author drew a stage in draw.io: its style string (shape, colours) and size, so an export
 * can draw it the same way. The case model keeps only the position and lane ({@code Layout}); the
 * document keeps pictures while the case is open ({@link CaseDocument#pictures()}).
 */
public record StagePicture(String style, double width, double height) {
}
