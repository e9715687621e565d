package dev.emporium.testing;

import java.io.File;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives integration tests deploy. Tests run against the WAR that {@code package} built (not a hand-picked
 * subset of classes), so what they prove holds for what ships.
 */
public final class Deployments {

    /** By name: the test classes are package-private. */
    private static final List<String> IN_SERVER_TESTS = List.of("dev.emporium.auth.AuthCleanupIT",
            "dev.emporium.platform.MessagingIT", "dev.emporium.platform.PersistenceIT", "dev.emporium.platform.SchemaMigrationIT");

    private Deployments() {
    }

    /** The real WAR, as it ships: for tests that call it from outside. */
    public static WebArchive application() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, file("emporium.war"));
    }

    /**
     * The real WAR with every test class that runs inside the server, so that all of them share one archive and one
     * start of it (the Arquillian container keeps an archive deployed while the next class deploys the same;
     * DeploymentOrder runs them one after another). A class missing here still works: it gets an archive, and a
     * start, of its own.
     */
    public static WebArchive inServer() {
        WebArchive war = application();
        war.addClasses(Poll.class, InServer.class);
        for (String testClass : IN_SERVER_TESTS) {
            war.addClass(testClass);
        }
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
