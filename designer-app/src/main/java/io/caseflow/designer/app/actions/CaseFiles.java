package io.caseflow.designer.app.actions;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.DefinitionJson;
import java.nio.file.Path;

/** File names for what the actions write: a name suggested from the case, the right suffix added. */
final class CaseFiles {
    private CaseFiles() {
    }

    static String suggestedName(CaseDefinition definition, String suffix) {
        String name = definition.name();
        return (name == null || name.isBlank() ? "case" : name) + suffix;
    }

    static Path withSuffix(Path p, String suffix) {
        String name = p.getFileName().toString();
        if (name.endsWith(suffix) || (suffix.equals(DefinitionJson.FILE_SUFFIX) && name.endsWith(".json"))) {
            return p;
        }
        return p.resolveSibling(name + suffix);
    }
}
