package io.caseflow.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;

/** Small JDBC conveniences shared by the stores. */
final class Jdbc {
    private Jdbc() {
    }

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            // Not OffsetDateTime.ofInstant: on Java 17 it builds a new ZoneRules for UTC on every call, which was 4 % of
            // the committing thread on the RabbitMQ path (several timestamps per transition).
            statement.setObject(index, OffsetDateTime.of(LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(),
                    ZoneOffset.UTC), ZoneOffset.UTC));
        }
    }

    /** What a timestamp column keeps of an instant: microseconds, rounded half up as H2 and PostgreSQL do. */
    static Instant asStored(Instant value) {
        return value == null ? null : value.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void setLongOrNull(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static Long getLongOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** "?, ?, ?" for an IN list of {@code count} values. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    static int bindAll(PreparedStatement statement, int start, Collection<String> values) throws SQLException {
        int index = start;
        for (String value : values) {
            statement.setString(index++, value);
        }
        return index;
    }
}
