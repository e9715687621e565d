package dev.emporium.testing.arquillian;

import io.openliberty.arquillian.managed.WLPManagedContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link KeptDeploymentContainer} in place of the Liberty adapter's container, so that test classes that
 * deploy the same archive share one start of the application.
 */
public class KeptDeployments implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(DeployableContainer.class, WLPManagedContainer.class, KeptDeploymentContainer.class);
    }
}
