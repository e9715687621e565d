package dev.emporium.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Location headers of what a POST created. A reference relative to the host ({@code /api/v1/orders/{id}}, which RFC
 * 9110 allows), or an absolute URL under EMPORIUM_PUBLIC_URL when that is set; never built from the request's Host
 * or X-Forwarded-Host, which any client can set. (JAX-RS's Response.created would resolve the path against the
 * request's base URI, which repeats /api/v1 and takes the host from the request.)
 */
@ApplicationScoped
public class Locations {

    @Inject
    @ConfigProperty(name = "emporium.public-url")
    Optional<String> publicUrl;

    /** 201 Created naming the resource at the given path under the API root, e.g. "/orders/" + id. */
    public Response.ResponseBuilder created(String path) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, of(path));
    }

    String of(String path) {
        String base = publicUrl.map(String::strip).filter(url -> !url.isEmpty())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).orElse("");
        return base + EmporiumApplication.ROOT + path;
    }
}
