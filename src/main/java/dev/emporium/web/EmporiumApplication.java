package dev.emporium.web;

import dev.emporium.platform.security.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath(EmporiumApplication.ROOT)
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Role.CUSTOMER_NAME, Role.ADMIN_NAME})
@OpenAPIDefinition(info = @Info(
        title = "Emporium API",
        version = "1",
        description = "Commerce backend: identity, catalog and orders. JSON with snake_case fields; every error is "
                + "{\"status\", \"code\", \"message\", \"details\"}.",
        license = @License(name = "Apache-2.0")))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "Access token from POST /api/v1/auth/login")
public class EmporiumApplication extends Application {

    /** Where the API lives in the application (which itself sits at the server's root). */
    public static final String ROOT = "/api/v1";
}
