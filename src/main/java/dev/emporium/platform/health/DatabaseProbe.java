package dev.emporium.platform.health;

import dev.emporium.platform.database.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Up when PostgreSQL answers and the schema is migrated. */
@ApplicationScoped
public class DatabaseProbe implements DependencyProbe {

    static final String NAME = "database";

    private static final Logger LOG = Logger.getLogger(DatabaseProbe.class.getName());
    private static final int VALIDATION_TIMEOUT_SECONDS = 1;

    /** A pool of its own (server.xml), so that a replica busy serving is not taken for one that cannot. */
    @Resource(lookup = "jdbc/emporiumHealth")
    DataSource dataSource;

    @Inject
    SchemaMigration schemaMigration;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthCheckResponse probe() {
        var response = HealthCheckResponse.named(NAME);
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return response.down().withData("error", "connection not valid").build();
            }
        } catch (SQLException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
        try {
            schemaMigration.ensureMigrated();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Schema migration failed", e);
            return response.down().withData("error", "schema migration failed").build();
        }
        return response.up().build();
    }
}
