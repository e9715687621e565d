package dev.emporium.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives integration tests deploy. Tests run against the WAR that {@code package} built (not a hand-picked
 * subset of classes), so what they prove holds for what ships.
 */
public final class Deployments {

    private Deployments() {
    }

    /** The real WAR, plus the given test classes for tests that run inside the server. */
    public static WebArchive application(Class<?>... testClasses) {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, file("emporium.war"));
        war.addClasses(Poll.class, InServer.class);
        war.addClasses(testClasses);
        return war;
    }

    /** The EAR built by {@code ear/}, when the test command passes its path. */
    public static EnterpriseArchive enterpriseApplication() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file("emporium.ear"));
    }

    private static File file(String property) {
        String path = System.getProperty(property);
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through Maven)");
        }
        File file = new File(path);
        if (!file.isFile()) {
            throw new IllegalStateException(property + " points at a missing file: " + file);
        }
        return file;
    }
}
