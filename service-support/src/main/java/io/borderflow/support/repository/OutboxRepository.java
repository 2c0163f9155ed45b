package io.borderflow.support.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderflow.support.outbox.OutboxBacklog;
import io.borderflow.support.outbox.OutboxMessage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SQL of the outbox table {@code <schema>.outbox} (the service's Hibernate default schema). Every method runs in
 * the current Hibernate Reactive session and its transaction. Columns: {@code id} (bigserial: the order),
 * {@code topic}, {@code message_key}, {@code payload} (the value's bytes), {@code headers} (JSON, null for none),
 * {@code created_at}, {@code sent_at} (null until the broker acknowledged the record).
 */
@ApplicationScoped
public class OutboxRepository {

    /** A row not yet acknowledged by the broker. */
    public record Unsent(long id, OutboxMessage message) {
    }

    private static final ObjectMapper HEADERS_JSON = new ObjectMapper();
    private static final TypeReference<List<OutboxMessage.Header>> HEADER_LIST = new TypeReference<>() {
    };

    private final String table;
    private final String channel;
    private final String append;
    private final String unsent;
    private final String markSent;
    private final String backlog;

    OutboxRepository(@ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") Optional<String> schema) {
        this.table = schema.map(s -> s + ".outbox").orElse("outbox");
        this.channel = table.replace('.', '_');
        // The key's lock, held until the caller commits, makes a later append of the same key wait for the earlier
        // one's commit: id order is then commit order per key, and the relay never sees a key's later row without
        // its earlier ones. Callers that already lock the key's aggregate row take it uncontended.
        // The notification reaches the listeners when the caller commits (PostgreSQL sends one per channel and
        // transaction): the relays wake at once instead of at their next poll.
        this.append = """
                with key_lock as (select pg_advisory_xact_lock(hashtextextended(:lock, 0))),
                     committed as (select pg_notify('%s', ''))
                insert into %s (topic, message_key, payload, headers, created_at)
                select :topic, :key, cast(:payload as bytea), cast(:headers as text), now() from key_lock, committed"""
                .formatted(channel, table);
        this.unsent = "select id, topic, message_key, payload, headers from %s where sent_at is null order by id limit :limit"
                .formatted(table);
        this.markSent = "update %s set sent_at = now() where id in (:ids)".formatted(table);
        this.backlog = """
                select count(*), cast(extract(epoch from min(created_at)) * 1000 as bigint)
                from %s where sent_at is null""".formatted(table);
    }

    /** The PostgreSQL notification channel told of every committed append (LISTEN it, quoted). */
    public String channel() {
        return channel;
    }

    /** Adds the record in the caller's transaction. */
    public Uni<Void> append(OutboxMessage message) {
        return Panache.getSession().chain(session -> session.createNativeQuery(append)
                        .setParameter("lock", table + "/" + message.key())
                        .setParameter("topic", message.topic())
                        .setParameter("key", message.key())
                        .setParameter("payload", message.value())
                        .setParameter("headers", headersJson(message.headers()))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The relay lock of this table, held until the transaction ends; false when another transaction (another
     * replica's relay) holds it. Transaction-scoped: a relay that dies releases it with its connection.
     */
    public Uni<Boolean> tryLockRelay() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(:lock, 0))", Boolean.class)
                .setParameter("lock", table)
                .getSingleResult());
    }

    /** The oldest unsent rows, in id order. */
    public Uni<List<Unsent>> unsent(int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(unsent, Object[].class)
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream().map(OutboxRepository::unsent).toList());
    }

    public Uni<Integer> markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(markSent)
                .setParameter("ids", ids)
                .executeUpdate());
    }

    /** How many rows wait for the broker. */
    public Uni<OutboxBacklog> backlog() {
        return Panache.getSession().chain(session -> session.createNativeQuery(backlog, Object[].class).getSingleResult())
                .map(row -> row[1] == null ? OutboxBacklog.EMPTY : new OutboxBacklog(((Number) row[0]).longValue(),
                        Instant.ofEpochMilli(((Number) row[1]).longValue())));
    }

    private static Unsent unsent(Object[] row) {
        OutboxMessage message = new OutboxMessage((String) row[1], (String) row[2], (byte[]) row[3],
                headers((String) row[4]));
        return new Unsent(((Number) row[0]).longValue(), message);
    }

    private static String headersJson(List<OutboxMessage.Header> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        try {
            return HEADERS_JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write outbox headers", e);
        }
    }

    private static List<OutboxMessage.Header> headers(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return HEADERS_JSON.readValue(json, HEADER_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox headers: " + json, e);
        }
    }
}
