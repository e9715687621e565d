package dev.emporium.catalog;

import dev.emporium.media.ImageType;
import dev.emporium.media.ObjectStore;
import dev.emporium.platform.error.DomainException;
import dev.emporium.platform.error.ErrorCode;
import dev.emporium.platform.security.Role;
import dev.emporium.web.error.ApiError;
import dev.emporium.web.request.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/products/{id}/image")
@Tag(name = "products")
public class ProductImageResource {

    @Inject
    ProductService products;

    @Inject
    ObjectStore store;

    @Inject
    @ConfigProperty(name = "emporium.images.max-bytes", defaultValue = "5242880")
    int maxBytes;

    @PUT
    @RolesAllowed(Role.ADMIN_NAME)
    @SecurityRequirement(name = "bearer")
    @Consumes({"image/jpeg", "image/png", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload the product's image (ADMIN): JPEG, PNG or WebP as the raw body, checked by content")
    @APIResponse(responseCode = "200", description = "The product, its image_url pointing at the stored image",
            content = @Content(schema = @Schema(implementation = ProductView.class), examples = @ExampleObject(name = "product",
                    value = ProductResource.EXAMPLE)))
    @APIResponse(responseCode = "404", description = "PRODUCT_NOT_FOUND", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "413", description = "IMAGE_TOO_LARGE", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_IMAGE: not JPEG, PNG or WebP", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ProductView upload(@PathParam("id") String id, InputStream body) {
        Product product = products.find(Ids.parse("id", id));
        byte[] content = readAtMost(body, maxBytes);
        ImageType type = ImageType.sniff(content).orElseThrow(() -> new DomainException(ErrorCode.UNSUPPORTED_IMAGE,
                "The body is not a JPEG, PNG or WebP image"));
        String key = "products/" + product.getId() + "/" + sha256(content) + "." + type.extension();
        store.put(key, content, type.mediaType());
        return ProductView.of(products.setImage(product.getId(), key));
    }

    private static byte[] readAtMost(InputStream body, int limit) {
        try (body) {
            byte[] content = body.readNBytes(limit + 1);
            if (content.length > limit) {
                throw new DomainException(ErrorCode.IMAGE_TOO_LARGE, "Images may be at most " + limit + " bytes");
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
