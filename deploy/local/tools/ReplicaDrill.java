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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
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
 *        ReplicaDrill.java verify BOOTSTRAP ACKNOWLEDGED_IDS WEBHOOK_FILE
 *          reads the topics from the beginning and prints the drill's figures; exit 1 when one is wrong
 */
public class ReplicaDrill {

    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("receive")) {
            receive(Integer.parseInt(args[1]), Path.of(args[2]));
        } else if (args.length == 4 && args[0].equals("verify")) {
            System.exit(verify(args[1], Path.of(args[2]), Path.of(args[3])) ? 0 : 1);
        } else {
            System.err.println("usage: ReplicaDrill.java receive PORT FILE | verify BOOTSTRAP ACKNOWLEDGED_IDS WEBHOOK_FILE");
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

    static boolean verify(String bootstrap, Path acknowledgedFile, Path webhookFile) throws IOException {
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
            System.out.printf("  %s (from an outbox): %,d events, %,d sent more than once%n", topic, ids.size(),
                    repeated(ids));
            ok &= expect(!ids.isEmpty(), topic + " has events");
            ok &= expect(repeated(ids) == 0, "no outbox row of " + topic + " is sent twice");
        }

        Map<String, Integer> byKey = new TreeMap<>();
        Map<String, Integer> byTransition = new TreeMap<>();
        int requests = 0;
        for (String line : Files.exists(webhookFile) ? Files.readAllLines(webhookFile) : List.<String>of()) {
            JsonNode request = JSON.readTree(line);
            requests++;
            byKey.merge(request.path("idempotencyKey").asText(), 1, Integer::sum);
            for (JsonNode alert : JSON.readTree(request.path("body").asText()).path("alerts")) {
                byTransition.merge(alert.path("fingerprint").asText() + " " + alert.path("status").asText() + " since "
                        + alert.path("startsAt").asText(), 1, Integer::sum);
            }
        }
        System.out.printf("  webhook notifications received: %,d (%,d alert transitions)%n", requests,
                byTransition.size());
        ok &= expect(requests > 0, "alerts were notified");
        ok &= expect(repeated(byKey) == 0, "no notification is delivered twice (Idempotency-Key)");
        byTransition.forEach((transition, times) -> {
            if (times > 1) {
                System.out.println("    notified " + times + " times: " + transition);
            }
        });
        ok &= expect(repeated(byTransition) == 0, "no alert transition is notified twice");
        return ok;
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
                        counts.merge(JSON.readTree(record.value()).path("eventId").asText(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }
}
