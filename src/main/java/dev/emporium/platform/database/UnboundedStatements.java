package dev.emporium.platform.database;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's data source for Flyway, with PostgreSQL's statement timeout lifted while a connection is lent
 * to it: building an index on a large table takes as long as it takes. The connection's own timeout (its session
 * default, from the driver's startup options in server.xml) is put back before it returns to the pool, where
 * requests rely on it.
 */
final class UnboundedStatements implements DataSource {

    private final DataSource pool;

    UnboundedStatements(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return unbounded(pool.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return unbounded(pool.getConnection(user, password));
    }

    private static Connection unbounded(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = 0");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getName().equals("close") && !connection.isClosed()) {
                restore(connection);
            }
            try {
                return method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(UnboundedStatements.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    /** A setting made in a transaction that rolls back is undone: so whatever Flyway left open ends first. */
    private static void restore(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (!autoCommit) {
            connection.rollback();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET statement_timeout");
        }
        if (!autoCommit) {
            connection.commit();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }
}
