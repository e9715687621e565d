package dev.emporium.media;

import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.error.NotFound;
import dev.emporium.web.error.ApiError;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Serves stored images. Keys name their content (a SHA-256), so an image never changes: cache it for a year. */
@Path("/images")
@Tag(name = "images", description = "Uploaded product images")
public class ImageResource {

    private static final CacheControl FOREVER = CacheControl.valueOf("public, max-age=31536000, immutable");

    @Inject
    ObjectStore store;

    @GET
    @Path("/{key: products/[0-9a-f-]+/[0-9a-f]{64}\\.(?:jpg|png|webp)}")
    @PermitAll
    @Operation(summary = "An uploaded image (the image_url of a product)")
    @APIResponse(responseCode = "200", description = "The image", content = {
            @Content(mediaType = "image/jpeg"), @Content(mediaType = "image/png"), @Content(mediaType = "image/webp")})
    @APIResponse(responseCode = "404", description = "IMAGE_NOT_FOUND", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ApiError.class)))
    public Response get(@PathParam("key") String key) {
        ObjectStore.StoredObject image = store.get(key)
                .orElseThrow(() -> new NotFound(ErrorCode.IMAGE_NOT_FOUND, "No such image"));
        String digest = key.substring(key.lastIndexOf('/') + 1, key.lastIndexOf('.'));
        return Response.ok(image.content(), image.contentType())
                .cacheControl(FOREVER)
                .tag(new EntityTag(digest))
                .build();
    }
}
