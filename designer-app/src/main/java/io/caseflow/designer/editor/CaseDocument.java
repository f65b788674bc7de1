package io.caseflow.designer.editor;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.DefinitionJson;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The case being edited: its definition (through the {@link CommandStack}), the selection, the
 * file it came from (none for a new or imported case) and the problems found while importing it
 * (which the validator cannot see, such as a draw.io edge with a missing end).
 *
 * <p>Plain Java; the app touches it on the FX thread only.
 */
public final class CaseDocument {
    private final CommandStack stack;
    private final Selection selection = new Selection();
    private final List<Runnable> fileListeners = new CopyOnWriteArrayList<>();
    private Path file;
    private String origin;
    private List<String> importIssues = List.of();
    private Map<String, StagePicture> pictures = new HashMap<>();
    private CaseDefinition shown;

    public CaseDocument(CaseDefinition definition, Path file) {
        this.stack = new CommandStack(definition);
        this.file = file;
        this.shown = definition;
        stack.addListener((current, reason) -> {
            selection.prune(current);
            followRenames(shown, current);
            shown = current;
        });
    }

    public static CaseDocument untitled(CaseDefinition definition) {
        return new CaseDocument(definition, null);
    }

    public CaseDefinition definition() {
        return stack.current();
    }

    public CommandStack stack() {
        return stack;
    }

    public Selection selection() {
        return selection;
    }

    /** Runs an edit; an {@link EditRejectedException} leaves everything as it was. */
    public boolean execute(EditCommand command) {
        return stack.execute(command);
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Replaces the whole document (new, open, import): history cleared, selection cleared. */
    public void load(CaseDefinition definition, Path newFile, String newOrigin, List<String> issues) {
        load(definition, newFile, newOrigin, issues, Map.of());
    }

    /** Like {@link #load(CaseDefinition, Path, String, List)} for an import that says how each stage was drawn. */
    public void load(CaseDefinition definition, Path newFile, String newOrigin, List<String> issues, Map<String, StagePicture> drawnAs) {
        this.file = newFile;
        this.origin = newOrigin;
        this.importIssues = List.copyOf(issues);
        this.pictures = new HashMap<>(drawnAs);
        this.shown = definition;
        selection.clear();
        stack.reset(definition);
        fileListeners.forEach(Runnable::run);
    }

    /**
     * How the stages were drawn in the diagram they were imported from (stage name → style and size),
     * for an export that looks like the author's picture. Kept while the case is open, not in its file.
     */
    public Map<String, StagePicture> pictures() {
        return Map.copyOf(pictures);
    }

    /**
     * A rename (or its undo) changes one stage's name in place; its picture goes with it. Stages are
     * compared by position in the list, so the work is one pass however the case changed.
     */
    private void followRenames(CaseDefinition before, CaseDefinition after) {
        if (pictures.isEmpty() || before == null || before.stages().size() != after.stages().size()) {
            return;
        }
        for (int i = 0; i < after.stages().size(); i++) {
            String was = before.stages().get(i).name();
            String is = after.stages().get(i).name();
            if (was != null && is != null && !was.equals(is) && pictures.containsKey(was) && !pictures.containsKey(is)) {
                pictures.put(is, pictures.remove(was));
            }
        }
    }

    /** After a successful save to {@code savedTo}. */
    public void saved(Path savedTo) {
        this.file = savedTo;
        this.origin = null;
        stack.markSaved();
        fileListeners.forEach(Runnable::run);
    }

    public boolean isDirty() {
        return stack.isDirty();
    }

    /** Problems found while importing that the validator cannot see; empty for a case.json. */
    public List<String> importIssues() {
        return importIssues;
    }

    /** The name in the window title and in problems: the file name, or where it came from, or "Untitled". */
    public String displayName() {
        if (file != null) {
            return file.getFileName().toString();
        }
        if (origin != null) {
            return origin;
        }
        String name = definition().name();
        return (name == null || name.isBlank() ? "untitled" : name) + DefinitionJson.FILE_SUFFIX;
    }

    public void addFileListener(Runnable listener) {
        fileListeners.add(listener);
    }
}
