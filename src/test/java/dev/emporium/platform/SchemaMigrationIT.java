package dev.emporium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Deployments;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Flyway migrations build the whole schema, with its constraints, from nothing. */
@ExtendWith(ArquillianExtension.class)
class SchemaMigrationIT {

    private static final List<String> TABLES = List.of("users", "refresh_tokens", "categories", "products", "orders",
            "order_items", "order_status_history", "processed_messages", "system_probes");

    @Deployment
    static WebArchive deployment() {
        return Deployments.inServer();
    }

    @Resource(lookup = "jdbc/emporium")
    DataSource dataSource;

    @Test
    void applicationStartMigratedItsDatabaseCompletely() throws SQLException {
        MigrationInfoService info = flyway("public").info();
        assertEquals(0, info.pending().length, "no migration left pending after start-up");
        assertTrue(info.applied().length >= 1);
        assertTrue(Set.copyOf(tables("public")).containsAll(TABLES), "tables: " + tables("public"));
    }

    @Test
    void migrationsBuildTheSchemaInAnEmptySchemaWithItsConstraints() throws SQLException {
        String schema = "migration_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            MigrateResult result = flyway(schema).migrate();
            assertTrue(result.success);
            long sqlMigrations = Arrays.stream(flyway(schema).info().applied())
                    .filter(m -> m.getScript().endsWith(".sql")).count();
            assertTrue(result.migrationsExecuted >= 1);
            assertEquals(sqlMigrations, result.migrationsExecuted, "every migration ran on the empty schema");
            assertEquals(0, flyway(schema).info().pending().length);
            assertTrue(Set.copyOf(tables(schema)).containsAll(TABLES), "tables: " + tables(schema));

            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SET search_path TO " + schema);
                try {
                    checkConstraints(s);
                } finally {
                    // Put back before the connection returns to the pool, where the application would otherwise find
                    // the scratch schema's tables, or none once it is dropped.
                    s.execute("RESET search_path");
                }
            }
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void checkConstraints(Statement s) throws SQLException {
        s.execute("INSERT INTO categories (id, name, slug) VALUES ('00000000-0000-0000-0000-000000000001', 'Desks', 'desks')");
        String product = "INSERT INTO products (category_id, sku, name, price, currency, stock) "
                + "VALUES ('00000000-0000-0000-0000-000000000001', '%s', 'Desk', %s, '%s', %d)";
        s.execute(product.formatted("SKU-1", "10.00", "EUR", 1));
        assertEquals("23505", sqlState(s, product.formatted("SKU-1", "10.00", "EUR", 1)), "unique SKU");
        assertEquals("23514", sqlState(s, product.formatted("SKU-2", "-0.01", "EUR", 1)), "price >= 0");
        assertEquals("23514", sqlState(s, product.formatted("SKU-3", "1.00", "EUR", -1)), "stock >= 0");
        assertEquals("23514", sqlState(s, product.formatted("SKU-4", "1.00", "eur", 1)), "ISO 4217 code");
        assertEquals("23503", sqlState(s, "INSERT INTO products (category_id, sku, name, price, currency, stock) "
                + "VALUES (gen_random_uuid(), 'SKU-5', 'Desk', 1, 'EUR', 1)"), "category must exist");
        s.execute("INSERT INTO users (username, email, password_hash) VALUES ('ann', 'ann@example.com', 'x')");
        assertEquals("23505", sqlState(s, "INSERT INTO users (username, email, password_hash) "
                + "VALUES ('ann2', 'ann@example.com', 'x')"), "unique e-mail");
        assertEquals("23505", sqlState(s, "INSERT INTO users (username, email, password_hash) "
                + "VALUES ('ANN', 'other@example.com', 'x')"), "unique username, case-insensitive");
        assertEquals("23514", sqlState(s, "INSERT INTO users (username, email, password_hash) "
                + "VALUES ('bob', 'Bob@Example.com', 'x')"), "e-mail stored normalised");

        try (ResultSet rs = s.executeQuery("SELECT 0, "
                + "(SELECT count(*) FROM products WHERE search_vector @@ websearch_to_tsquery('english', 'desks'))")) {
            rs.next();
            assertEquals(1, rs.getInt(2), "search vector is maintained by the database");
        }
    }

    private Flyway flyway(String schema) {
        return Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .locations("classpath:db/migration")
                .load();
    }

    private List<String> tables(String schema) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                     + schema + "'")) {
            Set<String> names = new HashSet<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return List.copyOf(names);
        }
    }

    /** Runs a statement that must fail, and returns its SQLSTATE. */
    private static String sqlState(Statement s, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        return e.getSQLState();
    }
}
