package dev.emporium.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;

/**
 * A named lease in the database, so that a periodic job runs on one replica per period: whoever claims it first
 * holds it until it expires, and a replica that crashed while holding it only delays the next run. Unlike an
 * advisory lock it also keeps the other replicas from running the job again right after the holder finished.
 */
@ApplicationScoped
public class MaintenanceLease {

    @PersistenceContext(unitName = "emporium")
    EntityManager em;

    /** A holder name for a job on this replica: the pod's (or host's) name, and a random part for this run. */
    static String newHolder() {
        return hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** True when this holder now has the lease for the given time; false while someone else's has not expired. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String name, String holder, Duration length) {
        return em.createNativeQuery("""
                INSERT INTO maintenance_leases (name, holder, expires_at)
                    VALUES (?1, ?2, now() + make_interval(secs => CAST(?3 AS double precision)))
                ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
                    WHERE maintenance_leases.expires_at <= now()""")
                .setParameter(1, name).setParameter(2, holder).setParameter(3, length.toMillis() / 1000.0)
                .executeUpdate() == 1;
    }

    private static String hostName() {
        String pod = System.getenv("HOSTNAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
