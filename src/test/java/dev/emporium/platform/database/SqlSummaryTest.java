package dev.emporium.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlSummaryTest {

    @Test
    void namesTheOperationAndTheFirstTable() {
        assertEquals("SELECT products", SqlSummary.of("select p1_0.id,p1_0.name from products p1_0 where p1_0.id=?").spanName());
        assertEquals("INSERT outbox", SqlSummary.of("INSERT INTO outbox (address, body) VALUES (?1, ?2)").spanName());
        assertEquals("UPDATE orders", SqlSummary.of("update orders set status=? where id=?").spanName());
        assertEquals("DELETE outbox", SqlSummary.of("DELETE FROM outbox WHERE id = ANY (?)").spanName());
        assertEquals("TRUNCATE idempotency_keys", SqlSummary.of("truncate table only idempotency_keys").spanName());
        assertEquals("SELECT emporium.orders", SqlSummary.of("  SELECT count(*) FROM \"emporium.orders\"").spanName());
    }

    @Test
    void aStatementWithoutATableIsNamedByItsOperation() {
        assertEquals("SELECT", SqlSummary.of("SELECT pg_try_advisory_xact_lock(?)").spanName());
        assertEquals("SET", SqlSummary.of("SET statement_timeout = 0").spanName());
        assertEquals(new SqlSummary("SQL", null), SqlSummary.of(null));
        assertEquals(new SqlSummary("SQL", null), SqlSummary.of("  "));
    }
}
