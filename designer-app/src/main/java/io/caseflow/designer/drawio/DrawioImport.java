package io.caseflow.designer.drawio;

import static io.caseflow.designer.drawio.DrawioAttributes.*;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.designer.editor.StagePicture;
import io.caseflow.validation.DefinitionValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one draw.io page into a case the way its author meant it. The work is split by job:
 * {@link CellReader} reads the cells, {@link CellTree} who contains whom (cycles and missing roots
 * cut), {@link LabelText} what each shows, {@link Geometry} where it is, {@link CellRoles} what it is
 * in the picture, {@link FlowMapper} what it is in the flow (start, ends, decisions, outcomes) and
 * {@link ImportIssues} what could not be mapped. Every cell ends up in the case or in
 * {@link Result#issues()}; {@link Result#cells()} says which. Reading is bounded in time and memory
 * whatever the file holds.
 *
 * <pre>{@code
 * DrawioFile file = DrawioFile.read(Path.of("orders.drawio"));
 * DrawioImport.Result result = DrawioImport.importPage(file.pages().get(0), "orders.drawio");
 * result.definition();  // the case
 * result.issues();      // "page 'Orders': lane 'Sales' is not a stage; ..."
 * }</pre>
 */
public final class DrawioImport {

    /**
     * The case read from a page and one sentence per thing that could not be mapped as drawn.
     *
     * @param lanes    stage name → the lane (or pool) it sits in, as also kept in each stage's {@code layout().lane()}
     * @param pictures stage name → how the author drew it (style, size), for an export that looks the same
     * @param cells    cell id → what became of it ("stage 'Check'", "transition a → b", "issue: ...")
     * @param refusal  the sentence saying why the page is not a flow and nothing was imported, or null
     */
    public record Result(CaseDefinition definition, List<String> issues, Map<String, String> lanes,
                         Map<String, StagePicture> pictures, Map<String, String> cells, String refusal) {
        public Result(CaseDefinition definition, List<String> issues) {
            this(definition, issues, Map.of(), Map.of(), Map.of(), null);
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    private DrawioImport() {
    }

    /** Imports {@code page}; {@code fallbackName} names the case when the page does not say (usually the file name). */
    public static Result importPage(DrawioPage page, String fallbackName) {
        ImportIssues issues = new ImportIssues(page.name());
        CellTree tree = CellTree.of(CellReader.read(page.graphModel(), issues), issues);
        LabelText labels = new LabelText(tree, issues);
        Geometry geometry = Geometry.of(tree, issues, labels::name);
        CellRoles roles = CellRoles.of(tree, geometry, labels);
        FlowMapper.Mapped mapped = new FlowMapper(tree, geometry, labels, roles, issues).map();

        Map<String, String> caseAttributes = tree.root() == null ? Map.of() : tree.root().properties();
        String name = caseAttributes.getOrDefault(CASE_NAME, identifier(fallbackName));
        String api = caseAttributes.getOrDefault(CASE_API, "v1");
        String description = caseAttributes.get(CASE_DESCRIPTION);
        if (mapped.refusal() != null) {
            Map<String, String> cells = new LinkedHashMap<>();
            tree.cells().forEach(c -> cells.put(c.id(), "not imported: " + mapped.refusal()));
            return new Result(new CaseDefinition(name, api, 0, description, null, List.of(), List.of()),
                    List.of(mapped.refusal()), Map.of(), Map.of(), cells, mapped.refusal());
        }
        int version = 0;
        if (caseAttributes.containsKey(CASE_VERSION)) {
            try {
                version = Integer.parseInt(caseAttributes.get(CASE_VERSION).strip());
            } catch (NumberFormatException e) {
                issues.page("the page's version '" + caseAttributes.get(CASE_VERSION) + "' is not a whole number; it was ignored");
            }
        }
        String start = caseAttributes.getOrDefault(START_STAGE, mapped.start());
        for (String key : caseAttributes.keySet()) {
            if (!Set.of(CASE_NAME, CASE_API, CASE_DESCRIPTION, CASE_VERSION, START_STAGE).contains(key)) {
                issues.page("the page's attribute '" + key + "' is not a case property; it was ignored");
            }
        }
        for (RawCell c : tree.cells()) {
            if (!issues.accounted(c.id())) {
                issues.cell(c.id(), labels.name(c) + " was not imported: it is neither a stage, a transition nor the label of one");
            }
        }
        CaseDefinition definition = new CaseDefinition(name, api, version, description, start, mapped.stages(), mapped.transitions());
        return new Result(definition, issues.issues(), mapped.lanes(), mapped.pictures(), issues.fates(), null);
    }

    /** A case name from a file or page name: {@code "Order flow.drawio"} → {@code "Order-flow"}. */
    static String identifier(String text) {
        String base = text == null ? "" : text.replaceFirst("(?i)\\.drawio$", "").replaceFirst("(?i)\\.xml$", "");
        String cleaned = base.strip().replaceAll("[^A-Za-z0-9_.-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        cleaned = cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
        return cleaned.isEmpty() || !DefinitionValidator.IDENTIFIER.matcher(cleaned).matches() ? "imported" : cleaned;
    }
}
