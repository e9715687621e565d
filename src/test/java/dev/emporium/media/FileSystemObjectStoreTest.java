package dev.emporium.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemObjectStoreTest {

    @TempDir
    Path directory;

    @Test
    void storesAndReturnsBytesWithTheirType() {
        FileSystemObjectStore store = new FileSystemObjectStore(directory);
        byte[] content = {1, 2, 3};
        store.put("products/ab-12/abc.png", content, "image/png");
        ObjectStore.StoredObject stored = store.get("products/ab-12/abc.png").orElseThrow();
        assertArrayEquals(content, stored.content());
        assertEquals("image/png", stored.contentType());
        try (var files = Files.list(directory.resolve("products/ab-12"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void missingObjectIsEmpty() {
        assertTrue(new FileSystemObjectStore(directory).get("products/none/x.png").isEmpty());
    }

    @Test
    void keysCannotLeaveTheDirectory() {
        FileSystemObjectStore store = new FileSystemObjectStore(directory);
        assertThrows(IllegalArgumentException.class, () -> store.get("../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> store.put("/abs/path.png", new byte[0], "image/png"));
    }
}
