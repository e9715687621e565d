package dev.emporium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Deployments;
import dev.emporium.testing.Http;
import dev.emporium.testing.Poll;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EAR from ear/ deploys on Liberty and serves: its readiness includes the application's own checks, so the
 * application inside started with its data source and broker. The test command always builds the EAR first and
 * passes its path; a plain ./mvnw verify (no EAR built) leaves this class out.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "emporium.ear", matches = ".+")
class EarDeploymentIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.enterpriseApplication();
    }

    @Test
    void earStartsAndIsReady() {
        Poll.untilTrue(Duration.ofSeconds(60), "EAR ready", () -> Http.get("/health/ready").statusCode() == 200);
        HttpResponse<String> ready = Http.get("/health/ready");
        assertTrue(ready.body().contains("\"database\"") && ready.body().contains("\"broker\""),
                "the EAR's application checks answer: " + ready.body());

        HttpResponse<String> home = Http.get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Emporium"), home.body());
    }
}
