package dev.emporium.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses the object store: S3 when S3_ENDPOINT is set, the file system otherwise. */
@ApplicationScoped
public class ObjectStores {

    @Inject
    @ConfigProperty(name = "S3_ENDPOINT")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "S3_REGION", defaultValue = "us-east-1")
    String region;

    @Inject
    @ConfigProperty(name = "S3_BUCKET", defaultValue = "emporium-images")
    String bucket;

    @Inject
    @ConfigProperty(name = "S3_ACCESS_KEY")
    Optional<String> accessKey;

    @Inject
    @ConfigProperty(name = "S3_SECRET_KEY")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "emporium.object-store.dir", defaultValue = "objects")
    String directory;

    @Produces
    @ApplicationScoped
    ObjectStore objectStore() {
        if (endpoint.filter(e -> !e.isBlank()).isPresent()) {
            return new S3ObjectStore(endpoint.get(), region, bucket,
                    accessKey.orElseThrow(() -> new IllegalStateException("S3_ENDPOINT is set but S3_ACCESS_KEY is not")),
                    secretKey.orElseThrow(() -> new IllegalStateException("S3_ENDPOINT is set but S3_SECRET_KEY is not")));
        }
        return new FileSystemObjectStore(java.nio.file.Path.of(directory));
    }

    void close(@Disposes ObjectStore store) {
        if (store instanceof S3ObjectStore s3) {
            s3.close();
        }
    }
}
