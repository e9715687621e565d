package dev.emporium.auth;

import dev.emporium.platform.database.SchemaMigration;
import dev.emporium.platform.security.Role;
import dev.emporium.user.UserService;
import dev.emporium.user.Usernames;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first administrator at start-up from EMPORIUM_ADMIN_EMAIL and EMPORIUM_ADMIN_PASSWORD, when both are
 * set and no account has that e-mail. Runs after the schema migration.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());

    @Inject
    @ConfigProperty(name = "emporium.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "emporium.admin.password")
    Optional<String> password;

    @Inject
    SchemaMigration schema;

    @Inject
    UserService users;

    @Transactional
    void onStartup(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) Startup startup) {
        if (email.isEmpty() || password.isEmpty() || !schema.isMigrated()) {
            return;
        }
        String address = Usernames.normaliseEmail(email.get());
        if (users.findByEmail(address).isPresent()) {
            return;
        }
        try {
            users.create("admin", address, password.get(), Role.ADMIN);
            LOG.info(() -> "Created the bootstrap administrator " + address);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not create the bootstrap administrator " + address, e);
        }
    }
}
