package dev.emporium.testing.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

class DeploymentOrderTest {

    static class FromOutside {
        @Deployment(testable = false)
        static WebArchive deployment() {
            return ShrinkWrap.create(WebArchive.class);
        }
    }

    static class Inside {
        @Deployment
        static WebArchive deployment() {
            return ShrinkWrap.create(WebArchive.class);
        }
    }

    static class Enterprise {
        @Deployment(testable = false)
        static EnterpriseArchive deployment() {
            return ShrinkWrap.create(EnterpriseArchive.class);
        }
    }

    static class OwnServers {
        static WebArchive notADeployment() {
            return ShrinkWrap.create(WebArchive.class);
        }
    }

    @Test
    void eachClassFallsInTheGroupOfTheArchiveItDeploys() {
        assertEquals(DeploymentOrder.Group.SHIPPED_WAR, DeploymentOrder.group(FromOutside.class));
        assertEquals(DeploymentOrder.Group.IN_SERVER, DeploymentOrder.group(Inside.class));
        assertEquals(DeploymentOrder.Group.EAR, DeploymentOrder.group(Enterprise.class));
        assertEquals(DeploymentOrder.Group.NO_DEPLOYMENT, DeploymentOrder.group(OwnServers.class));
    }
}
