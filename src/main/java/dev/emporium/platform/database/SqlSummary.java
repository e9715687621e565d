package dev.emporium.platform.database;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a trace shows of an SQL statement besides its text: the operation and the table it names first, so that a
 * span reads "SELECT products" or "INSERT outbox".
 */
record SqlSummary(String operation, String table) {

    private static final Pattern OPERATION = Pattern.compile("^\\s*([A-Za-z]+)");
    private static final Pattern TABLE = Pattern.compile(
            "\\b(?:from|into|update|table)\\s+(?:only\\s+)?\"?([A-Za-z_][A-Za-z0-9_.]*)", Pattern.CASE_INSENSITIVE);

    static SqlSummary of(String sql) {
        if (sql == null) {
            return new SqlSummary("SQL", null);
        }
        Matcher operation = OPERATION.matcher(sql);
        String name = operation.find() ? operation.group(1).toUpperCase(Locale.ROOT) : "SQL";
        Matcher table = TABLE.matcher(sql);
        return new SqlSummary(name, table.find() ? table.group(1) : null);
    }

    String spanName() {
        return table == null ? operation : operation + " " + table;
    }
}
