package co.rtm.hub.store;

import java.sql.SQLException;

/**
 * Work done inside one transaction. It may be run more than once (PostgreSQL serialisation failures
 * are retried), so it must not have effects outside the database.
 */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Tx tx) throws SQLException;
}
