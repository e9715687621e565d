package dev.emporium.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl;

/**
 * Hibernate's connections from the application's data source, each watched by {@link StatementSpans} while a trace
 * is in hand (persistence.xml names this class). Liberty has no database spans of its own.
 */
public class TracingConnectionProvider extends DatasourceConnectionProviderImpl {

    @Override
    public Connection getConnection() throws SQLException {
        return StatementSpans.watch(super.getConnection());
    }
}
