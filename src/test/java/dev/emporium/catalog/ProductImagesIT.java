package dev.emporium.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emporium.testing.Accounts;
import dev.emporium.testing.Accounts.Account;
import dev.emporium.testing.Api;
import dev.emporium.testing.Api.Reply;
import dev.emporium.testing.Catalog;
import dev.emporium.testing.Deployments;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PUT /products/{id}/image: type checked by content, size limited, served with long-lived cache headers. */
@ExtendWith(ArquillianExtension.class)
class ProductImagesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    private final Api api = Api.newClient();
    private Account admin;
    private String product;

    @BeforeEach
    void product() {
        admin = Accounts.admin();
        product = Catalog.newProduct(admin, Catalog.newCategory(admin));
    }

    @Test
    void uploadedImageIsServedImmutablyAndShownOnTheProduct() {
        Reply uploaded = api.upload("PUT", "/products/" + product + "/image", Catalog.PNG, "image/png", admin.accessToken());
        assertEquals(200, uploaded.status(), uploaded.toString());
        String url = uploaded.string("image_url");
        assertTrue(url.matches("/api/v1/images/products/" + product + "/[0-9a-f]{64}\\.png"), url);
        assertEquals(url, api.get("/products/" + product, null).string("image_url"));

        HttpResponse<byte[]> image = api.bytes(url);
        assertEquals(200, image.statusCode());
        assertArrayEquals(Catalog.PNG, image.body());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(image.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
        assertTrue(image.headers().firstValue("Cache-Control").orElseThrow().contains("max-age=31536000"));

        // The test server stores images through the S3 API (S3Proxy of the test service set, files under its data dir).
        String key = url.substring("/api/v1/images/".length());
        Path inBucket = Path.of(System.getProperty("emporium.basedir", "."), "target/services/test/s3proxy/data/emporium-images", key);
        assertTrue(Files.isRegularFile(inBucket), "object in the S3 bucket: " + inBucket);
    }

    @Test
    void typeIsCheckedByContentNotByHeader() {
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        Reply disguised = api.upload("PUT", "/products/" + product + "/image", gif, "image/png", admin.accessToken());
        assertEquals(415, disguised.status(), disguised.toString());
        assertEquals("UNSUPPORTED_IMAGE", disguised.errorCode());

        byte[] webp = "RIFF\u0000\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        Reply asOctets = api.upload("PUT", "/products/" + product + "/image", webp, "application/octet-stream", admin.accessToken());
        assertEquals(200, asOctets.status(), asOctets.toString());
        assertTrue(asOctets.string("image_url").endsWith(".webp"));

        Reply text = api.upload("PUT", "/products/" + product + "/image", "hello".getBytes(StandardCharsets.UTF_8), "text/plain",
                admin.accessToken());
        assertEquals(415, text.status());
        text.errorCode();
    }

    @Test
    void oversizedImagesAreRefused() {
        byte[] large = new byte[5 * 1024 * 1024 + 1];
        large[0] = (byte) 0xFF;
        large[1] = (byte) 0xD8;
        large[2] = (byte) 0xFF;
        Reply refused = api.upload("PUT", "/products/" + product + "/image", large, "image/jpeg", admin.accessToken());
        assertEquals(413, refused.status(), refused.toString());
        assertEquals("IMAGE_TOO_LARGE", refused.errorCode());

        byte[] fits = Arrays.copyOf(large, 5 * 1024 * 1024);
        assertEquals(200, api.upload("PUT", "/products/" + product + "/image", fits, "image/jpeg", admin.accessToken()).status());
    }

    @Test
    void unknownImagesAndProductsAnswer404() {
        assertEquals(404, api.get("/images/products/" + product + "/" + "0".repeat(64) + ".png", null).status());
        Reply noProduct = api.upload("PUT", "/products/" + java.util.UUID.randomUUID() + "/image", Catalog.PNG, "image/png",
                admin.accessToken());
        assertEquals(404, noProduct.status());
        assertEquals("PRODUCT_NOT_FOUND", noProduct.errorCode());
    }
}
