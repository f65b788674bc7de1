package io.caseflow.installation;

import io.caseflow.definition.CaseKey;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name that keeps one caseflow installation apart from others sharing a broker or a database: every
 * queue and exchange it uses starts with {@code <name>.} (its exchange is {@code <name>} itself), and its
 * tables live in a schema of that name. Queue names stay recognisable from the original design: per case
 * api an {@code innerQ} (stage hand-offs and timers) and a {@code serviceQ} (service replies), and one
 * request queue per service.
 *
 * <p>The default, {@value #DEFAULT_NAME}, keeps the names of earlier releases and the connection's own
 * schema, so an existing installation upgrades in place. Test runs and side-by-side installations
 * (staging beside production on one broker) each take their own name.
 */
public record Installation(String name) {
    public static final String DEFAULT_NAME = "caseflow";
    public static final int MAX_LENGTH = 40;
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]*[a-z0-9]|[a-z]"); // before DEFAULT, which uses it
    public static final Installation DEFAULT = new Installation(DEFAULT_NAME);

    public Installation {
        if (name == null || name.length() > MAX_LENGTH || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("installation name '" + name + "' must be 1 to " + MAX_LENGTH
                    + " lowercase letters, digits or '-', starting with a letter and not ending with '-'");
        }
    }

    /** The installation called {@code name}, or the default when {@code name} is null or blank. */
    public static Installation named(String name) {
        return name == null || name.isBlank() ? DEFAULT : new Installation(name.strip());
    }

    public boolean isDefault() {
        return DEFAULT_NAME.equals(name);
    }

    /** What every queue and exchange name of this installation starts with. */
    public String prefix() {
        return name + ".";
    }

    /** Stage hand-offs of one case api: "this step is due". */
    public String innerQ(CaseKey key) {
        return prefix() + key.name() + "." + key.api() + ".innerQ";
    }

    /** Service replies for one case api. */
    public String serviceQ(CaseKey key) {
        return prefix() + key.name() + "." + key.api() + ".serviceQ";
    }

    /** Requests to one service. */
    public String serviceRequests(String service) {
        return prefix() + "service." + service + ".requests";
    }

    public boolean isInnerQ(String queue) {
        return queue.startsWith(prefix()) && queue.endsWith(".innerQ");
    }

    public boolean isServiceQ(String queue) {
        return queue.startsWith(prefix()) && queue.endsWith(".serviceQ");
    }

    /**
     * The store schema of this installation: empty for the default one (the connection's own schema, as
     * before installations had names), else the name with '-' as '_' so it needs no quoting in SQL.
     */
    public Optional<String> schema() {
        return isDefault() ? Optional.empty() : Optional.of(name.replace('-', '_'));
    }

    @Override
    public String toString() {
        return name;
    }
}
