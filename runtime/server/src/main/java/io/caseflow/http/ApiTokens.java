package io.caseflow.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bearer tokens a server accepts, each with a name (the "who" of the audit trail) and a {@link Role}:
 * the API token ({@code admin}), the read-only token ({@code read-only}, a reader) and any number more from a
 * tokens file. Only SHA-256 digests are kept, compared in constant time; tokens are never logged.
 *
 * <p>Tokens file: one token per line, {@code NAME ROLE TOKEN}, where TOKEN is the token itself (at least 16
 * characters) or {@code sha256:} and its digest in hex, so the file need not hold secrets; {@code #} starts a
 * comment.
 */
public final class ApiTokens {
    public static final String ADMIN_NAME = "admin";
    public static final String READ_ONLY_NAME = "read-only";
    private static final int MIN_LENGTH = 16;
    private static final int MAX_LINES = 10_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-fA-F]{64}");

    private record Entry(String name, Role role, byte[] digest) {
    }

    private final List<Entry> entries;

    public ApiTokens(String adminToken, String readOnlyToken) {
        this(initial(adminToken, readOnlyToken));
    }

    private ApiTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    private static List<Entry> initial(String adminToken, String readOnlyToken) {
        if (adminToken == null || adminToken.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the API token must have at least " + MIN_LENGTH + " characters");
        }
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(ADMIN_NAME, Role.ADMIN, sha256(adminToken)));
        if (readOnlyToken != null) {
            if (readOnlyToken.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("the read-only token must have at least " + MIN_LENGTH + " characters");
            }
            entries.add(new Entry(READ_ONLY_NAME, Role.READER, sha256(readOnlyToken)));
        }
        return entries;
    }

    /** These tokens and those of {@code file}; a bad line is refused with the file, the line number and what is wrong. */
    public ApiTokens withFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the tokens file " + file + ": " + e.getMessage(), e);
        }
        if (lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("the tokens file " + file + " has " + lines.size() + " lines, more than " + MAX_LINES);
        }
        List<Entry> all = new ArrayList<>(entries);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String where = "tokens file " + file + " line " + (i + 1) + ": ";
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw new IllegalArgumentException(where + "expected NAME ROLE TOKEN, found " + fields.length + " field(s)");
            }
            if (!NAME.matcher(fields[0]).matches()) {
                throw new IllegalArgumentException(where + "the name '" + fields[0] + "' must be 1-100 letters, digits or . _ @ -");
            }
            Role role;
            try {
                role = Role.parse(fields[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
            byte[] digest;
            if (fields[2].startsWith("sha256:")) {
                if (!DIGEST.matcher(fields[2]).matches()) {
                    throw new IllegalArgumentException(where + "a sha256: token must be followed by 64 hex digits");
                }
                digest = HexFormat.of().parseHex(fields[2].substring(7).toLowerCase());
            } else if (fields[2].length() < MIN_LENGTH) {
                throw new IllegalArgumentException(where + "the token of '" + fields[0] + "' must have at least " + MIN_LENGTH + " characters");
            } else {
                digest = sha256(fields[2]);
            }
            for (Entry existing : all) {
                if (existing.name().equals(fields[0])) {
                    throw new IllegalArgumentException(where + "the name '" + fields[0] + "' is used twice");
                }
                if (MessageDigest.isEqual(existing.digest(), digest)) {
                    throw new IllegalArgumentException(where + "'" + fields[0] + "' has the same token as '" + existing.name() + "'");
                }
            }
            all.add(new Entry(fields[0], role, digest));
        }
        return new ApiTokens(all);
    }

    /** Who the {@code Authorization: Bearer …} header names, if it carries a token this server knows. */
    public Optional<Caller> identify(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] presented = sha256(authorizationHeader.substring(7).trim());
        Entry found = null;
        for (Entry entry : entries) { // every entry is compared, so timing does not tell which one matched
            if (MessageDigest.isEqual(presented, entry.digest()) && found == null) {
                found = entry;
            }
        }
        return found == null ? Optional.empty() : Optional.of(new Caller(found.name(), found.role()));
    }

    public int size() {
        return entries.size();
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApiTokens[" + entries.stream().map(e -> e.name() + "=" + e.role().label()).toList() + "]";
    }
}
