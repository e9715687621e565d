package dev.emporium.auth;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes expired refresh tokens and forgotten login attempt counts every hour. Several replicas may run it at once:
 * the deletes are idempotent.
 */
@ApplicationScoped
public class AuthCleanup {

    private static final Logger LOG = Logger.getLogger(AuthCleanup.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    LoginThrottle loginThrottle;

    @Inject
    AuthCleanup self;

    private ScheduledFuture<?> task;

    void onStartup(@Observes Startup startup) {
        task = scheduler.scheduleAtFixedRate(this::run, 5, 60, TimeUnit.MINUTES);
    }

    void onShutdown(@Observes Shutdown shutdown) {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void run() {
        try {
            int tokens = self.deleteExpired();
            int attempts = loginThrottle.forgetStale();
            LOG.fine(() -> "Removed " + tokens + " expired refresh tokens and " + attempts + " stale login attempt counts");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Clean-up of refresh tokens and login attempts failed; retrying in an hour", e);
        }
    }

    @Transactional
    public int deleteExpired() {
        return refreshTokens.deleteExpiredBefore(Instant.now());
    }
}
