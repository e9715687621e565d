package dev.emporium.testing.arquillian;

import io.openliberty.arquillian.managed.WLPManagedContainer;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * The managed Liberty of the integration tests, with one change: an archive is taken down only when a test class
 * deploys a different one (or the run ends), not after each class. Most classes test the shipped WAR as it is
 * ({@code Deployments.application()}), and each start of it costs 10-20 s on two cores; those classes now share one
 * start. What they share is what a long-running server shares between clients, and the tests were written for it:
 * they make their own accounts and products and measure metrics as deltas. The classes that run inside the server
 * share another archive ({@code Deployments.inServer()}), the EAR a third; {@link DeploymentOrder} runs the classes of
 * each archive together, so that each is started once.
 */
public class KeptDeploymentContainer extends WLPManagedContainer {

    private static final Logger LOG = Logger.getLogger(KeptDeploymentContainer.class.getName());

    private Archive<?> deployed;
    private String deployedContent;
    private ProtocolMetaData deployedMetaData;

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String content = content(archive);
        if (deployed != null) {
            if (content.equals(deployedContent)) {
                LOG.info(() -> archive.getName() + " is deployed already, with the same content: kept");
                return deployedMetaData;
            }
            takeDown();
        }
        ProtocolMetaData metaData = super.deploy(archive);
        deployed = archive;
        deployedContent = content;
        deployedMetaData = metaData;
        return metaData;
    }

    /** Left deployed for the next class; {@link #deploy} or {@link #stop} takes it down. */
    @Override
    public void undeploy(Archive<?> archive) {
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            if (deployed != null) {
                takeDown();
            }
        } catch (DeploymentException e) {
            LOG.log(Level.WARNING, "could not undeploy " + deployed.getName() + " before stopping the server", e);
        }
        super.stop();
    }

    private void takeDown() throws DeploymentException {
        Archive<?> archive = deployed;
        deployed = null;
        deployedContent = null;
        deployedMetaData = null;
        super.undeploy(archive);
    }

    /** The archive's name and the paths it holds: two archives built from the same WAR with the same extra classes. */
    private static String content(Archive<?> archive) {
        TreeSet<String> paths = new TreeSet<>();
        archive.getContent().keySet().forEach(path -> paths.add(path.get()));
        return archive.getName() + "\n" + String.join("\n", paths);
    }
}
