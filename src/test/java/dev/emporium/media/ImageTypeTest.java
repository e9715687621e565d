package dev.emporium.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageTypeTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void recognisesTheThreeFormatsByTheirSignatures() {
        assertEquals(Optional.of(ImageType.JPEG), ImageType.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0)));
        assertEquals(Optional.of(ImageType.PNG), ImageType.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)));
        assertEquals(Optional.of(ImageType.WEBP), ImageType.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void refusesOtherContent() {
        assertEquals(Optional.empty(), ImageType.sniff("GIF89a".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.empty(), ImageType.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.empty(), ImageType.sniff(bytes(0xFF, 0xD8)));
        assertEquals(Optional.empty(), ImageType.sniff(new byte[0]));
    }
}
