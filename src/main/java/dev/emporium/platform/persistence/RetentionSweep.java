package dev.emporium.platform.persistence;

import jakarta.persistence.EntityManager;
import java.time.Duration;

/**
 * A table whose rows are kept only for a while. {@link Housekeeping} calls every such bean on its schedule until a
 * batch comes back short.
 */
public interface RetentionSweep {

    /** What the rows are, for the log. */
    String name();

    /**
     * Deletes at most {@code limit} rows past their time, in a transaction of its own so that no lock is held longer
     * than one batch takes; the number deleted.
     */
    int deleteBatch(int limit);

    /**
     * The delete every sweep makes: at most {@code limit} rows of the table whose time column is older than
     * {@code age}, found through that column's index. Table and column are the sweep's own constants, never input.
     */
    static int deleteOlderThan(EntityManager em, String table, String timeColumn, Duration age, int limit) {
        return em.createNativeQuery("""
                DELETE FROM %1$s WHERE ctid = ANY (ARRAY(
                    SELECT ctid FROM %1$s WHERE %2$s < now() - make_interval(secs => CAST(?1 AS double precision)) LIMIT ?2))"""
                        .formatted(table, timeColumn))
                .setParameter(1, age.toSeconds()).setParameter(2, limit).executeUpdate();
    }
}
