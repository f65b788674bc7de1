package io.caseflow.http;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API token may do. */
public enum Role {
    /** Sees what processes do, never what they carry: for dashboards and status pages. */
    READER(EnumSet.of(Permission.READ)),
    /** Runs the work: starts, retries, cancels, migrates, bulk jobs, dead letters; sees process data. */
    OPERATOR(EnumSet.of(Permission.READ, Permission.READ_DATA, Permission.OPERATE)),
    /** Ships case definitions; sees process data to check a new version, acts on no process. */
    DEPLOYER(EnumSet.of(Permission.READ, Permission.READ_DATA, Permission.DEPLOY)),
    /** Everything, including retention and the whole audit trail. */
    ADMIN(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code text} (any case); an unknown name is refused with the ones that exist. */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; roles are "
                + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", ")));
    }
}
