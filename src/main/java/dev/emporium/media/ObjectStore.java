package dev.emporium.media;

import java.util.Optional;

/**
 * Where uploaded files live, by key. The default keeps them on the file system (a volume on OpenShift); an
 * S3-compatible store is to come behind the same interface.
 */
public interface ObjectStore {

    void put(String key, byte[] content, String contentType);

    Optional<StoredObject> get(String key);

    /** An object's bytes and media type. */
    record StoredObject(byte[] content, String contentType) {
    }
}
