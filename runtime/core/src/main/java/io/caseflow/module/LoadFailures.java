package io.caseflow.module;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a module's class loading, constructor or registration threw into one sentence that
 * names the jar and says what to do. Pure: no logging (the loader logs the stack trace once).
 */
final class LoadFailures {
    /** Class file version 61 is Java 17; each Java release adds one. */
    private static final int CLASS_FILE_VERSION_OF_JAVA_1 = 44;
    private static final Pattern CLASS_FILE_VERSION = Pattern.compile("class file version (\\d+)");
    /** The step in which the module class itself is looked up (a missing class there is a wrong services entry). */
    static final String LOADING = "class loading";

    private LoadFailures() {
    }

    /**
     * @param jar       the jar that lists the module
     * @param className the module class
     * @param step      what was being done, e.g. "its constructor" or "registerHandlers"
     */
    static ModuleProblem explain(Path jar, String className, String step, Throwable thrown) {
        String name = String.valueOf(jar.getFileName());
        Throwable error = unwrap(thrown);
        if (error instanceof UnsupportedClassVersionError) {
            return new ModuleProblem(jar, ModuleProblem.Kind.NEWER_JAVA, newerJava(jar, name, className, error));
        }
        if (error instanceof NoClassDefFoundError && !String.valueOf(error.getMessage()).startsWith("Could not initialize")
                || error instanceof ClassNotFoundException && !step.equals(LOADING)) {
            String missing = String.valueOf(error.getMessage()).replace('/', '.');
            return new ModuleProblem(jar, ModuleProblem.Kind.MISSING_DEPENDENCY, name + ": module " + className + " needs class "
                    + missing + ", which is neither in " + name + " nor on the runtime's classpath. Shade that dependency into the "
                    + "module jar (e.g. with the maven-shade-plugin), or put its jar in the same folder.");
        }
        if (error instanceof ClassNotFoundException) {
            return new ModuleProblem(jar, ModuleProblem.Kind.BAD_SERVICE_ENTRY, name + " lists " + className + " in "
                    + JarInspector.SERVICES_ENTRY + ", but has no such class. Fix the class name in that file.");
        }
        if (error instanceof ExceptionInInitializerError init && init.getCause() != null) {
            return new ModuleProblem(jar, ModuleProblem.Kind.MODULE_FAILED, name + ": module " + className
                    + " failed while its class was initialised: " + describe(init.getCause()) + ".");
        }
        return new ModuleProblem(jar, ModuleProblem.Kind.MODULE_FAILED, name + ": module " + className + " failed in " + step
                + ": " + describe(error) + ". The module was not loaded.");
    }

    private static String newerJava(Path jar, String name, String className, Throwable error) {
        Matcher m = CLASS_FILE_VERSION.matcher(String.valueOf(error.getMessage()));
        int version = m.find() ? Integer.parseInt(m.group(1)) : JarInspector.classFileVersion(jar, className);
        String needs = version > CLASS_FILE_VERSION_OF_JAVA_1 ? "Java " + (version - CLASS_FILE_VERSION_OF_JAVA_1) : "a newer Java";
        int running = Runtime.version().feature();
        return name + " was compiled for " + needs + (version > 0 ? " (class file version " + version + ")" : "")
                + ", but this runtime is Java " + running + ". Compile the module with --release " + running
                + " (maven.compiler.release), or run on " + needs + ".";
    }

    /** The exception a reflective call or an executor wrapped. */
    static Throwable unwrap(Throwable thrown) {
        Throwable error = thrown;
        for (int depth = 0; depth < 5 && error.getCause() != null
                && (error instanceof InvocationTargetException || error instanceof ExecutionException); depth++) {
            error = error.getCause();
        }
        return error;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
