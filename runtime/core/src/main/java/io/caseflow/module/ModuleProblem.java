package io.caseflow.module;

import java.nio.file.Path;

/**
 * Why a jar of a module folder (or the folder itself) gave no module, or gave one that was set
 * aside: one plain sentence for the user, which names the jar and says what to do. The loader logs
 * the stack trace, if there was one; the user never sees it.
 *
 * @param source  the jar (or the folder, for {@link Kind#FOLDER} and {@link Kind#TOO_MANY_FILES})
 * @param kind    what went wrong, for code that wants to tell problems apart
 * @param message the sentence, starting with the jar's file name
 */
public record ModuleProblem(Path source, Kind kind, String message) {

    public enum Kind {
        /** The folder does not exist, is a file, or cannot be listed. */
        FOLDER,
        /** The folder holds more files or jars than the loader looks at; the rest were left out. */
        TOO_MANY_FILES,
        /** The jar is bigger than the loader accepts. */
        TOO_LARGE,
        /** Not a zip file, or a damaged one. */
        NOT_A_JAR,
        /** The jar has no {@code META-INF/services/io.caseflow.module.CaseflowModule} entry. */
        NO_MODULE,
        /** The services entry names a class that is not in the jar, or that is no {@link CaseflowModule}. */
        BAD_SERVICE_ENTRY,
        /** The same module class is in two jars of the folder. */
        DUPLICATE_CLASS,
        /** A class the module needs is neither in its jar nor on the classpath. */
        MISSING_DEPENDENCY,
        /** The module was compiled for a newer Java than the one running. */
        NEWER_JAVA,
        /** The module's constructor or one of its methods threw. */
        MODULE_FAILED,
        /** The module did not finish loading in time (its constructor or registration hangs). */
        TIMED_OUT,
        /** The module registers a handler name another module (or the classpath) already has. */
        DUPLICATE_HANDLER,
        /** A case definition of the module was not deployed (it does not validate, or the store refused it). */
        CASE_NOT_DEPLOYED,
        /** A service of the module could not be hosted (its name is taken, or it did not start). */
        SERVICE_NOT_HOSTED
    }

    /** The jar's (or folder's) file name, as the messages start with it. */
    public String sourceName() {
        Path name = source.getFileName();
        return name == null ? source.toString() : name.toString();
    }

    @Override
    public String toString() {
        return message;
    }
}
