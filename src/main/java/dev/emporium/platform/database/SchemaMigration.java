package dev.emporium.platform.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings the schema up to date with Flyway when the application starts. If the database is not reachable then,
 * the readiness check calls {@link #ensureMigrated()} again on each probe, so a pod that started before its
 * database becomes ready on its own once the database is there.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/emporium")
    DataSource dataSource;

    /** EMPORIUM_DEMO_DATA=true adds the demo catalog and users (ci/run.sh sets it; never in production). */
    @Inject
    @ConfigProperty(name = "emporium.demo-data", defaultValue = "false")
    boolean demoData;

    /**
     * On Liberty, Flyway finds a classpath folder only through an empty marker file in it, flyway.location: one in
     * each of db/migration, db/demo and db/callback (Flyway's default callback folder, which it always scans).
     */
    private static final String LOCATION = "classpath:db/migration";
    private static final String DEMO_LOCATION = "classpath:db/demo";

    private volatile boolean migrated;

    void onStartup(@Observes Startup startup) {
        try {
            ensureMigrated();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Schema migration failed at start-up; readiness stays DOWN and retries", e);
        }
    }

    public boolean isMigrated() {
        return migrated;
    }

    /** Runs pending migrations once; concurrent replicas are serialised by Flyway's PostgreSQL advisory lock. */
    public synchronized void ensureMigrated() {
        if (migrated) {
            return;
        }
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(new UnboundedStatements(dataSource))
                .locations(demoData ? new String[] {LOCATION, DEMO_LOCATION} : new String[] {LOCATION})
                .failOnMissingLocations(true)
                // The demo data (a repeatable migration) stays recorded when a database that had it is later run
                // without EMPORIUM_DEMO_DATA: that is not an error.
                .ignoreMigrationPatterns("repeatable:missing")
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Schema at version " + flyway.info().current().getVersion() + " ("
                + result.migrationsExecuted + " migrations applied now)");
        migrated = true;
    }
}
