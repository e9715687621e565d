package dev.emporium.platform.json;

/** Java property names as the API spells them in JSON. */
public final class JsonNames {

    private JsonNames() {
    }

    /** {@code categoryId} → {@code category_id}, matching JSON-B's LOWER_CASE_WITH_UNDERSCORES. */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
