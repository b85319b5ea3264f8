package co.rtm.hub.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements kept open across transactions on the SQLite writer connection. sqlite-jdbc compiles the SQL
 * again on every {@code prepareStatement} (about 4.5 µs here, the run of a simple query itself being about 4 µs), and
 * an accepted result runs some twenty statements on the one connection every ingestion commit goes through.
 *
 * <p>{@link #wrap} hands the transaction a connection on which {@code prepareStatement(sql)} returns the statement
 * compiled the first time; its {@code close()} clears the parameters and keeps it for the next use. A statement
 * still open when the same SQL is prepared again (a nested use) is not shared: the second gets its own, closed as
 * usual. The statements belong to the physical connection, the pool's only writer: when the pool retires it and hands
 * out a new one, the old statements (closed with their connection) are dropped and the new connection's are compiled
 * afresh. One thread at a time, as the single writer connection is.
 */
final class StatementCache {
    private Connection physical;
    private Map<String, Cached> statements = new HashMap<>();

    /** {@code pooled}, with {@code prepareStatement(String)} served from this cache. */
    synchronized Connection wrap(Connection pooled) throws SQLException {
        Connection current = pooled.unwrap(Connection.class);
        if (current != physical) {
            physical = current;
            statements = new HashMap<>();
        }
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new CachingConnection(pooled, physical, statements));
    }

    private record CachingConnection(Connection pooled, Connection physical, Map<String, Cached> statements)
            implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
                String sql = (String) args[0];
                Cached c = statements.get(sql);
                if (c == null) {
                    c = new Cached(physical.prepareStatement(sql));
                    statements.put(sql, c);
                }
                if (!c.inUse) {
                    c.inUse = true;
                    return c.proxy;
                }
                return pooled.prepareStatement(sql); // nested use of the same SQL: an ordinary statement
            }
            return call(pooled, method, args);
        }
    }

    /** One kept statement; its proxy's close() hands it back. */
    private static final class Cached implements InvocationHandler {
        final PreparedStatement statement;
        final PreparedStatement proxy;
        boolean inUse;

        Cached(PreparedStatement statement) {
            this.statement = statement;
            this.proxy = (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (inUse) {
                        inUse = false;
                        statement.clearParameters();
                    }
                    return null;
                }
                case "isClosed" -> {
                    return !inUse || statement.isClosed();
                }
                default -> {
                    return call(statement, method, args);
                }
            }
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
