package dev.emporium.platform.health;

import dev.emporium.platform.database.SchemaMigration;
import dev.emporium.platform.shutdown.GracefulShutdown;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when PostgreSQL answers within the probe's deadline and the schema is migrated. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseCheck.class.getName());
    private static final int VALIDATION_TIMEOUT_SECONDS = 1;

    /** A pool of its own (server.xml), so that a replica busy serving is not taken for one that cannot. */
    @Resource(lookup = "jdbc/emporiumHealth")
    DataSource dataSource;

    @Inject
    SchemaMigration schemaMigration;

    @Resource
    ManagedExecutorService executor;

    @Inject
    GracefulShutdown shutdown;

    @Override
    public HealthCheckResponse call() {
        return TimeBoxed.probe(shutdown, executor, "database", this::probe);
    }

    private HealthCheckResponse probe() {
        var response = HealthCheckResponse.named("database");
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
