import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The two-replica drill's own parts (deploy/local/replica-drill), as a single-file program with the Kafka
 * client and Jackson on the class path:
 *
 * usage: ReplicaDrill.java receive PORT FILE
 *          a webhook receiver on 127.0.0.1:PORT that answers 200 and appends each request to FILE (JSON lines)
 *        ReplicaDrill.java verify BOOTSTRAP ACKNOWLEDGED_IDS WEBHOOK_FILE RULE_ID
 *          reads the topics from the beginning and the webhook's grouped messages, and prints the drill's figures;
 *          exit 1 when one is wrong
 */
public class ReplicaDrill {

    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("receive")) {
            receive(Integer.parseInt(args[1]), Path.of(args[2]));
        } else if (args.length == 5 && args[0].equals("verify")) {
            System.exit(verify(args[1], Path.of(args[2]), Path.of(args[3]), args[4]) ? 0 : 1);
        } else {
            System.err.println("usage: ReplicaDrill.java receive PORT FILE"
                    + " | verify BOOTSTRAP ACKNOWLEDGED_IDS WEBHOOK_FILE RULE_ID");
            System.exit(2);
        }
    }

    static void receive(int port, Path file) throws IOException {
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", exchange -> {
            ObjectNode line = JSON.createObjectNode();
            line.put("receivedAt", java.time.Instant.now().toString());
            line.put("path", exchange.getRequestURI().getPath());
            line.put("idempotencyKey", exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            line.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            synchronized (out) {
                out.write(JSON.writeValueAsString(line));
                out.newLine();
                out.flush();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        System.out.println("webhook receiver on http://127.0.0.1:" + port + "/, requests to " + file);
    }

    static boolean verify(String bootstrap, Path acknowledgedFile, Path webhookFile, String ruleId)
            throws IOException, InterruptedException {
        boolean ok = true;
        Set<String> acknowledged = new HashSet<>(Files.readAllLines(acknowledgedFile));

        Map<String, Integer> checkpoints = eventIds(bootstrap, "checkpoints.v1");
        long lost = acknowledged.stream().filter(id -> !checkpoints.containsKey(id)).count();
        System.out.printf("  checkpoints acknowledged to the simulator: %,d; on checkpoints.v1: %,d distinct, %,d records%n",
                acknowledged.size(), checkpoints.size(), total(checkpoints));
        System.out.printf("  acknowledged but not on the topic (lost): %,d%n", lost);
        ok &= expect(lost == 0, "every acknowledged checkpoint is on checkpoints.v1");
        System.out.printf("  checkpoints on the topic more than once: %,d (ingest publishes a repeat that reaches"
                + " another instance before its read model saw the original; consumers deduplicate by eventId)%n",
                repeated(checkpoints));

        for (String topic : List.of("shipments.v1", "alerts.v1")) {
            Map<String, Integer> ids = eventIds(bootstrap, topic);
            // a relay killed after the broker's acknowledgement and before its commit marks nothing sent: at least once
            System.out.printf("  %s (from an outbox): %,d events, %,d sent more than once (a relay killed between the"
                    + " broker's acknowledgement and its commit sends them again; consumers deduplicate by eventId)%n",
                    topic, ids.size(), repeated(ids));
            ok &= expect(!ids.isEmpty(), topic + " has events");
        }
        // both ingest instances poll the CBP feed: a reading is what it says, whoever read it and when
        Map<String, Integer> readings = records(bootstrap, "border-waits.v1",
                reading -> ((ObjectNode) reading.deepCopy()).without(List.of("eventId", "occurredAt")).toString());
        System.out.printf("  border-waits.v1 (both instances poll): %,d readings, %,d published more than once%n",
                readings.size(), repeated(readings));
        ok &= expect(!readings.isEmpty(), "border-waits.v1 has readings");
        ok &= expect(repeated(readings) == 0, "no CBP reading is published twice");

        // the rule was deleted before: each of its alerts is resolved at the next tick and told at its group's next
        // flush, a few seconds later
        Set<String> unresolved = Set.of();
        for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); System.nanoTime() < deadline; ) {
            unresolved = unresolved(webhookFile, ruleId);
            if (unresolved.isEmpty()) {
                break;
            }
            Thread.sleep(1000);
        }
        Map<String, Integer> byKey = new TreeMap<>();
        Map<String, Set<String>> keysByContent = new TreeMap<>();
        List<JsonNode> messages = webhookMessages(webhookFile);
        for (JsonNode message : messages) {
            String key = message.path("idempotencyKey").asText();
            byKey.merge(key, 1, Integer::sum);
            keysByContent.computeIfAbsent(groupContent(message), content -> new TreeSet<>()).add(key);
        }
        System.out.printf("  webhook group messages received: %,d; delivered again under the same Idempotency-Key: %,d"
                + " (a worker killed after the receiver's answer and before its commit; receivers deduplicate by it)%n",
                messages.size(), repeated(byKey));
        ok &= expect(!messages.isEmpty(), "alerts were notified");
        keysByContent.forEach((content, keys) -> {
            if (keys.size() > 1) {
                System.out.println("    flushed as " + keys + ": " + content);
            }
        });
        // within repeat_interval (4 h), a group speaks only when its alerts changed: the same content under two keys
        // would be a group flushed twice
        ok &= expect(keysByContent.values().stream().allMatch(keys -> keys.size() == 1),
                "no group is flushed twice (the same alerts in two notifications of one group)");
        unresolved.forEach(alert -> System.out.println("    last notified as firing: " + alert));
        ok &= expect(unresolved.isEmpty(), "every alert of " + ruleId + " is last notified as resolved");
        return ok;
    }

    /** The webhook requests, each with its Idempotency-Key and its body (the group message) parsed. */
    static List<JsonNode> webhookMessages(Path webhookFile) throws IOException {
        List<JsonNode> messages = new ArrayList<>();
        for (String line : Files.exists(webhookFile) ? Files.readAllLines(webhookFile) : List.<String>of()) {
            JsonNode request = JSON.readTree(line);
            ObjectNode message = (ObjectNode) JSON.readTree(request.path("body").asText());
            messages.add(message.put("idempotencyKey", request.path("idempotencyKey").asText()));
        }
        return messages;
    }

    /** A group message by what it says: the group and each of its alerts with its status. */
    static String groupContent(JsonNode message) {
        List<String> alerts = new ArrayList<>();
        message.path("alerts").forEach(alert -> alerts.add(transition(alert) + " " + alert.path("status").asText()));
        Collections.sort(alerts);
        return message.path("groupKey").asText() + " " + alerts;
    }

    /**
     * Alerts of the rule whose latest notification says firing: the latest by the group's flush number in the
     * Idempotency-Key ({@code g<group>-<flush>-<integration>}). An alert that resolves and fires again between two
     * flushes is told only as it is at the flush, as Alertmanager does, so this follows fingerprints, not episodes.
     */
    static Set<String> unresolved(Path webhookFile, String ruleId) throws IOException {
        Map<String, Long> latestFlush = new HashMap<>();
        Map<String, String> latestStatus = new TreeMap<>();
        for (JsonNode message : webhookMessages(webhookFile)) {
            long flush = Long.parseLong(message.path("idempotencyKey").asText().split("-")[1]);
            for (JsonNode alert : message.path("alerts")) {
                String fingerprint = alert.path("fingerprint").asText();
                if (ruleId.equals(alert.path("labels").path("rule").asText())
                        && flush >= latestFlush.getOrDefault(fingerprint, -1L)) {
                    latestFlush.put(fingerprint, flush);
                    latestStatus.put(fingerprint, alert.path("status").asText() + " " + transition(alert));
                }
            }
        }
        Set<String> unresolved = new TreeSet<>();
        latestStatus.forEach((fingerprint, status) -> {
            if (!status.startsWith("resolved")) {
                unresolved.add(status);
            }
        });
        return unresolved;
    }

    static String transition(JsonNode alert) {
        return alert.path("fingerprint").asText() + " since " + alert.path("startsAt").asText();
    }

    static boolean expect(boolean condition, String what) {
        System.out.println((condition ? "  ok: " : "  FAILED: ") + what);
        return condition;
    }

    static long total(Map<String, Integer> counts) {
        return counts.values().stream().mapToLong(Integer::longValue).sum();
    }

    static long repeated(Map<String, Integer> counts) {
        return counts.values().stream().filter(n -> n > 1).count();
    }

    /** How often each eventId stands on the topic, read from the beginning to its end now. */
    static Map<String, Integer> eventIds(String bootstrap, String topic) throws IOException {
        return records(bootstrap, topic, event -> event.path("eventId").asText());
    }

    /** How often each identity (of a record's JSON value) stands on the topic, read from its beginning. */
    static Map<String, Integer> records(String bootstrap, String topic, Function<JsonNode, String> identity)
            throws IOException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.value() != null) {
                        counts.merge(identity.apply(JSON.readTree(record.value())), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }
}
