package io.caseflow.store;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.function.Supplier;

/** Named values that must outlive a restart, such as an embedded runtime's generated task id key. */
public final class SettingStore {
    static final String TASK_ID_KEY = "task-id-key";

    private final Database database;

    public SettingStore(Database database) {
        this.database = database;
    }

    /** The stored value, or {@code initial} stored now if there is none. */
    public String getOrCreate(String name, Supplier<String> initial) {
        return database.inTransaction("read setting " + name, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT setting_value FROM runtime_setting WHERE setting_name = ?")) {
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
            String value = initial.get();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO runtime_setting (setting_name, setting_value) VALUES (?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, value);
                insert.executeUpdate();
            }
            return value;
        });
    }

    /** The HMAC key of task ids, generated once (32 random bytes) and kept here, so every node of a deployment shares it. */
    public byte[] taskIdKey() {
        String encoded = getOrCreate(TASK_ID_KEY, () -> {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            return Base64.getEncoder().encodeToString(fresh);
        });
        return Base64.getDecoder().decode(encoded);
    }
}
