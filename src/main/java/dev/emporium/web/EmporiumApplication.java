package dev.emporium.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(
        title = "Emporium API",
        version = "1",
        description = "Commerce backend: identity, catalog and orders. JSON with snake_case fields.",
        license = @License(name = "Apache-2.0")))
public class EmporiumApplication extends Application {
}
