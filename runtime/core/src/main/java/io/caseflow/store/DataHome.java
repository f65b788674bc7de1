package io.caseflow.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The folder where caseflow keeps a user's own files when nothing else is configured: the embedded
 * runtime's H2 database ({@link Database#DEFAULT_H2_PATH}, the CLI's default store), the designer's
 * sample services and remote API tokens. Worked out once, here, for the CLI and the designer alike:
 *
 * <ol>
 *   <li>{@code -Dcaseflow.home=DIR}, if set (the designer's {@code --home=DIR} picks its embedded runtime's folder
 *       over all of these);</li>
 *   <li>{@code ~/.caseflow}, if it exists: the folder of earlier versions, kept where it is (never moved);</li>
 *   <li>the platform's folder for application data:
 *     <ul>
 *       <li>Linux and other Unix: {@code $XDG_DATA_HOME/caseflow}, by default {@code ~/.local/share/caseflow}
 *           (an XDG_DATA_HOME that is not an absolute path is ignored, as the XDG specification says);</li>
 *       <li>macOS: {@code ~/Library/Application Support/caseflow};</li>
 *       <li>Windows: {@code %LOCALAPPDATA%\caseflow} (a database belongs to the machine, not to a roaming
 *           profile), or {@code ~\AppData\Local\caseflow} when that variable is unset.</li>
 *     </ul></li>
 * </ol>
 *
 * <p>Resolving creates nothing; {@link #prepare(Path)} creates the folder and says in one sentence why it
 * cannot when it cannot. Stateless and thread-safe.
 *
 * <pre>{@code
 * Path home = DataHome.prepare(DataHome.folder());   // e.g. /home/ada/.local/share/caseflow
 * }</pre>
 */
public final class DataHome {
    /** The system property that names the folder outright. */
    public static final String PROPERTY = "caseflow.home";
    /** The folder of versions before the platform conventions, still used where it exists. */
    public static final String EARLIER_FOLDER = ".caseflow";
    private static final String NAME = "caseflow";

    private DataHome() {
    }

    /** The folder for this JVM: its system properties and environment. */
    public static Path folder() {
        return folder(System::getProperty, System::getenv);
    }

    /**
     * The folder that {@code properties} (system properties: {@code caseflow.home}, {@code user.home},
     * {@code os.name}) and {@code environment} ({@code XDG_DATA_HOME}, {@code LOCALAPPDATA}) give; either
     * answers null for an unset name.
     */
    public static Path folder(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String configured = properties.apply(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        Path userHome = Path.of(properties.apply("user.home"));
        Path earlier = userHome.resolve(EARLIER_FOLDER);
        if (Files.isDirectory(earlier)) {
            return earlier;
        }
        String os = String.valueOf(properties.apply("os.name")).toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return absolute(environment.apply("LOCALAPPDATA"))
                    .orElse(userHome.resolve("AppData").resolve("Local")).resolve(NAME);
        }
        if (os.startsWith("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve(NAME);
        }
        return absolute(environment.apply("XDG_DATA_HOME"))
                .orElse(userHome.resolve(".local").resolve("share")).resolve(NAME);
    }

    private static Optional<Path> absolute(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value.strip());
        return path.isAbsolute() ? Optional.of(path) : Optional.empty();
    }

    /**
     * Creates {@code folder} (and its parents) if missing and checks it can be written.
     *
     * @return {@code folder}
     * @throws IOException with one sentence naming the folder, why it cannot be used and how to choose another
     */
    public static Path prepare(Path folder) throws IOException {
        Optional<String> why = create(folder);
        if (why.isPresent()) {
            throw new IOException("cannot use " + folder.toAbsolutePath() + " as caseflow's data folder: " + why.get()
                    + "; choose another with -D" + PROPERTY + "=DIR (the designer also takes --home=DIR)");
        }
        return folder;
    }

    /** Creates {@code folder} and its parents if missing: empty if it is there and writable, else why not, in a few words. */
    static Optional<String> create(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            return Optional.of("a file named " + e.getFile() + " is in the way");
        } catch (AccessDeniedException e) {
            return Optional.of("permission to create " + e.getFile() + " was denied");
        } catch (FileSystemException e) {
            return Optional.of(e.getFile() + ": " + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()));
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
        return Files.isWritable(folder) ? Optional.empty() : Optional.of("it is not writable by this user");
    }
}
