package dev.emporium.platform.correlation;

import com.ibm.websphere.logging.hpel.LogRecordContext;

/**
 * Puts the correlation id on every log line the current thread writes while it works for one request or message:
 * Liberty adds it to JSON logs as {@code ext_requestId}.
 */
public final class LogCorrelation {

    static final String FIELD = "requestId";

    private LogCorrelation() {
    }

    public static void begin(String correlationId) {
        LogRecordContext.addExtension(FIELD, correlationId);
    }

    public static void end() {
        LogRecordContext.removeExtension(FIELD);
    }
}
