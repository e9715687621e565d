package dev.emporium.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The test database, read and written from outside the server, for what the API does not show. */
public final class Database {

    private Database() {
    }

    public static Connection connect() {
        try {
            return DriverManager.getConnection(System.getProperty("it.db.url",
                    "jdbc:postgresql://127.0.0.1:55442/emporium_test"), env("DB_USER"), env("DB_PASSWORD"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number a query gives (e.g. a count), with positional parameters. */
    public static long number(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepared(connection, sql, parameters)) {
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row a query gives, as text, in the query's order. */
    public static List<String> strings(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepared(connection, sql, parameters)) {
            List<String> values = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement with positional parameters. */
    public static void update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepared(connection, sql, parameters)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? "emporium" : value;
    }
}
