package io.caseflow.designer.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Bearer tokens of connection profiles, kept apart from the profiles in one file that only its owner
 * may read ({@code rw-------}, set before the first token is written; on file systems without POSIX
 * permissions the platform's defaults apply). Profiles in the preferences never hold a token.
 */
public final class TokenStore {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private final Path file;

    public TokenStore(Path file) {
        this.file = file;
    }

    /** {@code tokens.properties} in the user's data folder ({@link EmbeddedRuntime#defaultHome()}). */
    public static TokenStore inUserHome() {
        return new TokenStore(EmbeddedRuntime.defaultHome().resolve("tokens.properties"));
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<String> get(String profile) {
        return Optional.ofNullable(read().getProperty(profile)).filter(t -> !t.isEmpty());
    }

    public synchronized void put(String profile, String token) {
        Properties tokens = read();
        if (token == null || token.isEmpty()) {
            tokens.remove(profile);
        } else {
            tokens.setProperty(profile, token);
        }
        write(tokens);
    }

    public synchronized void remove(String profile) {
        put(profile, null);
    }

    private Properties read() {
        Properties tokens = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                tokens.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the saved tokens in " + file + ": " + e.getMessage(), e);
            }
        }
        return tokens;
    }

    private void write(Properties tokens) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            createOwnerOnly(temp);
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                tokens.store(out, "caseflow designer: bearer tokens of connection profiles (keep private)");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the token in " + file + ": " + e.getMessage(), e);
        }
    }

    private static void createOwnerOnly(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path); // not a POSIX file system: the platform's per-user profile folder protects it
        } catch (FileAlreadyExistsException e) {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        }
    }
}
