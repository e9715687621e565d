package dev.emporium.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Body of POST and PUT /categories. */
public record CategoryWrite(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 120) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                message = "lower-case letters and digits in words joined by '-'") String slug,
        @Size(max = 2000) String description,
        UUID parentId) {
}
