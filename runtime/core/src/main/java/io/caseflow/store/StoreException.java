package io.caseflow.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** The store could not do what was asked; {@link #isUnavailable()} tells an outage from a bad request. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the database could not be reached or was busy: worth waiting and trying again. */
    public boolean isUnavailable() {
        return isUnavailable(getCause());
    }

    public static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && isUnavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Connection exceptions (class 08), and PostgreSQL's operator intervention (57P01 a backend terminated,
     * 57P02 crash shutdown, 57P03 starting up or shutting down) and too many connections (53300): all pass
     * when the database is back.
     */
    private static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }
}
