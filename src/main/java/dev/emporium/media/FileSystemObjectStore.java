package dev.emporium.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Objects as files under EMPORIUM_OBJECT_STORE_DIR, the media type in a sidecar file. Writes go to a temporary file
 * first and are moved into place, so a reader never sees half an object.
 */
public class FileSystemObjectStore implements ObjectStore {

    private final Path directory;

    public FileSystemObjectStore(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            Files.write(temporary, content);
            Files.writeString(type(target), contentType);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + key, e);
        }
    }

    @Override
    public Optional<StoredObject> get(String key) {
        Path path = path(key);
        try {
            return Optional.of(new StoredObject(Files.readAllBytes(path), Files.readString(type(path))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key, e);
        }
    }

    private Path path(String key) {
        Path path = directory.resolve(key).normalize();
        if (!key.matches("[a-z0-9][a-z0-9/-]*\\.[a-z]+") || !path.startsWith(directory)) {
            throw new IllegalArgumentException("Not an object key: " + key);
        }
        return path;
    }

    private static Path type(Path object) {
        return object.resolveSibling(object.getFileName() + ".type");
    }
}
