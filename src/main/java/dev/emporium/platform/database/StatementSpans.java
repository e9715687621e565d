package dev.emporium.platform.database;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.inject.spi.CDI;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * A span for every SQL statement a connection runs, named and tagged as OpenTelemetry's database conventions say
 * ("SELECT products", with the statement's text: Hibernate binds every value as a parameter, so the text holds no
 * customer data). Only a connection taken while a sampled trace is in hand is watched: with tracing off, or for the
 * background pollers that work for no request, the connection is returned as it is.
 */
final class StatementSpans {

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system.name");
    private static final AttributeKey<String> QUERY = AttributeKey.stringKey("db.query.text");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation.name");
    private static final AttributeKey<String> COLLECTION = AttributeKey.stringKey("db.collection.name");

    private static volatile Tracer tracer;

    private StatementSpans() {
    }

    static Connection watch(Connection connection) {
        if (!Span.current().getSpanContext().isSampled()) {
            return connection;
        }
        return proxy(Connection.class, connection, (self, method, arguments) -> {
            Object result = invoke(connection, method, arguments);
            if (result instanceof Statement statement && isStatementFactory(method)) {
                String sql = arguments != null && arguments.length > 0 && arguments[0] instanceof String text ? text : null;
                return proxy(method.getReturnType(), statement, new Watched(statement, sql));
            }
            return result;
        });
    }

    private static boolean isStatementFactory(Method method) {
        Class<?> type = method.getReturnType();
        return type == Statement.class || type == PreparedStatement.class || type == CallableStatement.class;
    }

    /** Runs every execute method of one statement inside a span. */
    private record Watched(Statement statement, String preparedSql) implements InvocationHandler {

        @Override
        public Object invoke(Object self, Method method, Object[] arguments) throws Throwable {
            if (!method.getName().startsWith("execute")) {
                return StatementSpans.invoke(statement, method, arguments);
            }
            String sql = arguments != null && arguments.length > 0 && arguments[0] instanceof String text ? text : preparedSql;
            Span span = start(sql, method.getName().startsWith("executeBatch") || method.getName().startsWith("executeLargeBatch"));
            try (Scope ignored = span.makeCurrent()) {
                return StatementSpans.invoke(statement, method, arguments);
            } catch (Throwable e) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
                throw e;
            } finally {
                span.end();
            }
        }
    }

    private static Span start(String sql, boolean batch) {
        SqlSummary summary = SqlSummary.of(sql);
        SpanBuilder span = tracer().spanBuilder(summary.spanName())
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(SYSTEM, "postgresql")
                .setAttribute(QUERY, sql)
                .setAttribute(OPERATION, batch ? "BATCH " + summary.operation() : summary.operation())
                .setAttribute(COLLECTION, summary.table());
        return span.startSpan();
    }

    private static Tracer tracer() {
        Tracer current = tracer;
        if (current == null) {
            current = CDI.current().select(OpenTelemetry.class).get().getTracer(StatementSpans.class.getPackageName());
            tracer = current;
        }
        return current;
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(StatementSpans.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
