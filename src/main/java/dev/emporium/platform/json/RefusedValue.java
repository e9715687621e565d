package dev.emporium.platform.json;

import jakarta.json.bind.JsonbException;

/**
 * A JSON value our strict readers (UuidText, WholeNumber, EnumText) refuse; its message is the issue as the client
 * reads it in the error details, next to the field JSON-B names.
 */
public class RefusedValue extends JsonbException {

    RefusedValue(String issue) {
        super(issue);
    }
}
