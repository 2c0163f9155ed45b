import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The measuring parts of deploy/local/bench, against the running local stack: each subcommand prints one JSON
 * object on its last line. A single-file program with kafka-clients on the class path.
 *
 * <pre>
 * Bench.java ingest INGEST_URL CARRIER_TOKEN SHIPMENTS CLIENTS BATCH_SIZE RUN_ID CATALOG_CSV
 *     registers SHIPMENTS shipments (16 in flight) spread over the catalog's crossings, then posts their checkpoints (4 each) in batches of
 *     BATCH_SIZE from CLIENTS clients, each waiting for its answer: accepted events per second of the posting
 * Bench.java record-size BOOTSTRAP TOPIC
 *     mean value size of the topic's last records (up to 2,000): what ProducerPerformance sends
 * Bench.java create-topic BOOTSTRAP TOPIC PARTITIONS
 * Bench.java end-offset BOOTSTRAP TOPIC
 * Bench.java catch-up BOOTSTRAP GROUP TOPIC ALSO_TOPICS TIMEOUT_SECONDS
 *     waits until the group has committed the topic's end offsets and those of ALSO_TOPICS (comma-separated);
 *     rate of TOPIC's records from the group's first commit on
 * Bench.java latency INGEST_URL ALERTS_URL CARRIER_TOKEN ADMIN_TOKEN BOOTSTRAP WEBHOOK_PORT CROSSING RUN_ID SAMPLES
 *                   BACKGROUND_RUN_ID BACKGROUND_SHIPMENTS BACKGROUND_RATE
 *     two for-0 rules at CROSSING's southbound series: a shipment rule (delay over 30 min, standard lane) and a
 *     crossing rule (anyone queued, FAST lane); SAMPLES times each, a checkpoint that makes it fire, timed from its
 *     202 to the FIRING record on alerts.v1 and to the webhook request (alert-service must send to
 *     127.0.0.1:WEBHOOK_PORT); the crossing alert resolved between samples; at most four minutes of samples
 *     (it reports how many it took). Meanwhile BACKGROUND_RATE new
 *     checkpoints a second (batches of a tenth every 100 ms) for the shipments an ingest run registered
 *     (BACKGROUND_RUN_ID, BACKGROUND_SHIPMENTS, all northbound), whose accepted rate it reports
 * Bench.java changelog-bytes BOOTSTRAP PREFIX
 *     bytes on disk of the topics whose name starts with PREFIX and ends with -changelog
 * Bench.java changelog-live BOOTSTRAP PREFIX
 *     bytes of the last record per key of those topics: what compaction keeps, the state itself
 * </pre>
 */
public class Bench {

    /** The checkpoints of one journey, minutes before now. */
    static final Map<String, Integer> JOURNEY = Map.of("QUEUE_ENTERED", 50, "EXPORT_CLEARED", 45,
            "PRIMARY_INSPECTION", 20, "PORT_EXITED", 10);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "ingest" -> ingest(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), args[6], crossings(java.nio.file.Path.of(args[7])));
            case "record-size" -> recordSize(args[1], args[2]);
            case "create-topic" -> createTopic(args[1], args[2], Integer.parseInt(args[3]));
            case "catch-up" -> catchUp(args[1], args[2], args[3],
                    args[4].isEmpty() ? List.of() : List.of(args[4].split(",")), Integer.parseInt(args[5]));
            case "end-offset" -> endOffset(args[1], args[2]);
            case "latency" -> new Latency(args[1], args[2], args[3], args[4], args[5], Integer.parseInt(args[6]), args[7],
                    args[8]).run(Integer.parseInt(args[9]), args[10], Integer.parseInt(args[11]), Integer.parseInt(args[12]));
            case "changelog-bytes" -> changelogBytes(args[1], args[2]);
            case "changelog-live" -> changelogLive(args[1], args[2]);
            default -> {
                System.err.println("usage: Bench.java ingest|record-size|create-topic|end-offset|catch-up|changelog-bytes|changelog-live …"
                        + " (see the source)");
                System.exit(2);
            }
        }
    }

    /** The crossing ids of the catalog (its first column). */
    static List<String> crossings(java.nio.file.Path catalog) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(catalog).stream().skip(1).filter(line -> !line.isBlank())
                .map(line -> line.substring(0, line.indexOf(','))).toList();
    }

    static void ingest(String url, String token, int shipments, int clients, int batchSize, String runId,
            List<String> crossings) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < shipments; i++) {
            ids.add(String.format(Locale.ROOT, "BENCH-%s-%07d", runId, i));
        }
        long registrationStart = System.nanoTime();
        register(url, token, ids, crossings);
        double registrationSeconds = seconds(registrationStart);

        Instant now = Instant.now();
        List<String> events = new ArrayList<>();
        for (String id : ids) {
            JOURNEY.forEach((type, minutesAgo) -> events.add(String.format(Locale.ROOT,
                    "{\"shipmentId\":\"%s\",\"eventId\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"%s\",\"source\":\"RFID\"}",
                    id, UUID.nameUUIDFromBytes((id + "|" + type).getBytes(StandardCharsets.UTF_8)), type,
                    now.minusSeconds(60L * minutesAgo))));
        }
        ConcurrentLinkedQueue<String> batches = new ConcurrentLinkedQueue<>();
        for (int from = 0; from < events.size(); from += batchSize) {
            batches.add("{\"events\":[" + String.join(",", events.subList(from, Math.min(events.size(), from + batchSize)))
                    + "]}");
        }
        AtomicLong accepted = new AtomicLong();
        AtomicLong failedBatches = new AtomicLong();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(started(() -> {
                String batch;
                while ((batch = batches.poll()) != null) {
                    try {
                        HttpResponse<String> response = HTTP.send(post(url + "/api/v1/checkpoints/batch", token, batch),
                                HttpResponse.BodyHandlers.ofString());
                        Matcher m = ACCEPTED.matcher(response.body());
                        if (response.statusCode() == 200 && m.find()) {
                            accepted.addAndGet(Long.parseLong(m.group(1)));
                        } else {
                            failedBatches.incrementAndGet();
                            System.err.println("batch answered " + response.statusCode() + ": "
                                    + response.body().substring(0, Math.min(300, response.body().length())));
                        }
                    } catch (Exception e) {
                        failedBatches.incrementAndGet();
                        System.err.println("batch failed: " + e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = seconds(start);
        System.out.printf(Locale.ROOT, "{\"shipments\":%d,\"registrationSeconds\":%.2f,\"events\":%d,\"accepted\":%d,"
                        + "\"failedBatches\":%d,\"seconds\":%.3f,\"eventsPerSecond\":%.0f}%n", shipments,
                registrationSeconds, events.size(), accepted.get(), failedBatches.get(), seconds, accepted.get() / seconds);
    }

    /** Registers every shipment, 16 requests in flight; a shipment that cannot be registered stops the bench. */
    static void register(String url, String token, List<String> ids, List<String> crossings) throws Exception {
        Semaphore inFlight = new Semaphore(16);
        AtomicLong failures = new AtomicLong();
        String plannedArrival = Instant.now().plusSeconds(3600).toString();
        for (int i = 0; i < ids.size(); i++) {
            String body = String.format(Locale.ROOT, "{\"shipmentId\":\"%s\",\"crossingId\":\"%s\",\"direction\":"
                    + "\"NORTHBOUND\",\"laneType\":\"STANDARD\",\"plannedArrival\":\"%s\"}", ids.get(i),
                    crossings.get(i % crossings.size()), plannedArrival);
            inFlight.acquire();
            HTTP.sendAsync(post(url + "/api/v1/shipments", token, body), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() >= 300) {
                            if (failures.incrementAndGet() <= 3) {
                                System.err.println("registration failed: "
                                        + (error != null ? error : response.statusCode() + " " + response.body()));
                            }
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(16);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " shipment(s) not registered");
        }
    }

    static HttpRequest post(String uri, String token, String body) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static void recordSize(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        props.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int perPartition = Math.max(1, 2000 / partitions.size());
            partitions.forEach(p -> consumer.seek(p, Math.max(0, end.get(p) - perPartition)));
            long bytes = 0;
            long records = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    bytes += record.serializedValueSize();
                    records++;
                }
            }
            System.out.printf(Locale.ROOT, "{\"records\":%d,\"meanValueBytes\":%d}%n", records,
                    records == 0 ? 0 : Math.round((double) bytes / records));
        }
    }

    static void createTopic(String bootstrap, String topic, int partitions) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            }
            System.out.printf("{\"topic\":\"%s\",\"partitions\":%d}%n", topic, partitions);
        }
    }

    /**
     * Waits until the group has committed the end of {@code topic} and of each of {@code alsoTopics}, whose ends may
     * grow while it works (its own repartition topic), each within one transaction marker per partition (a consumer
     * commits past the last record, not past the marker after it): the rate counts {@code topic}'s records from the
     * group's first commit on, so start-up is not in it.
     */
    static void catchUp(String bootstrap, String group, String topic, List<String> alsoTopics, int timeoutSeconds)
            throws Exception {
        try (Admin admin = admin(bootstrap)) {
            long end = end(admin, topic);
            long initial = committed(admin, group, topic);
            long firstMovedAt = 0;
            long fromOffset = initial;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            long committed = initial;
            long lastPrint = System.nanoTime();
            while (System.nanoTime() < deadline) {
                Thread.sleep(100);
                long now = committed(admin, group, topic);
                if (firstMovedAt == 0 && now > initial) {
                    firstMovedAt = System.nanoTime();
                    fromOffset = now;
                }
                committed = now;
                if (behind(admin, group, List.of(topic)) == 0 && behind(admin, group, alsoTopics) == 0) {
                    break;
                }
                if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                    System.err.printf("    %s: %,d of %,d committed%n", group, committed, end);
                    lastPrint = System.nanoTime();
                }
            }
            double seconds = firstMovedAt == 0 ? 0 : seconds(firstMovedAt);
            if (behind(admin, group, List.of(topic)) > 0 || behind(admin, group, alsoTopics) > 0) {
                System.out.printf("{\"caughtUp\":false,\"committed\":%d,\"end\":%d}%n", committed, end);
                System.exit(1);
            }
            long records = end - fromOffset;
            System.out.printf(Locale.ROOT, "{\"caughtUp\":true,\"backlog\":%d,\"records\":%d,\"seconds\":%.3f,"
                    + "\"recordsPerSecond\":%.0f}%n", end - initial, records, seconds, seconds == 0 ? 0 : records / seconds);
        }
    }

    /** Records of {@code topics} the group has still to commit, beyond one transaction marker per partition. */
    static long behind(Admin admin, String group, List<String> topics) throws Exception {
        long behind = 0;
        for (String topic : topics) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            behind += Math.max(0, end(admin, topic) - committed(admin, group, topic) - partitions);
        }
        return behind;
    }

    static void endOffset(String bootstrap, String topic) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            System.out.printf("{\"topic\":\"%s\",\"end\":%d}%n", topic, end(admin, topic));
        }
    }

    /** The sum of the topic's end offsets. */
    static long end(Admin admin, String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        return sum(admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().values().stream().map(ListOffsetsResult.ListOffsetsResultInfo::offset).toList());
    }

    static long committed(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return sum(offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .map(e -> e.getValue().offset()).toList());
    }

    static void changelogBytes(String bootstrap, String prefix) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            List<String> topics = admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(prefix) && name.endsWith("-changelog")).sorted().toList();
            Map<String, Long> bytes = new java.util.TreeMap<>();
            topics.forEach(t -> bytes.put(t, 0L));
            var brokers = admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList();
            admin.describeLogDirs(brokers).allDescriptions().get().values().forEach(dirs -> dirs.values().forEach(dir ->
                    dir.replicaInfos().forEach((partition, info) -> {
                        if (bytes.containsKey(partition.topic())) {
                            bytes.merge(partition.topic(), info.size(), Long::sum);
                        }
                    })));
            long total = bytes.values().stream().mapToLong(Long::longValue).sum();
            System.out.println("{\"total\":" + total + ",\"topics\":{" + bytes.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",")) + "}}");
        }
    }

    /**
     * What compaction would keep of the changelogs: the last record per key (none after a tombstone), key and value
     * bytes — the state itself, beside the bytes written ({@link #changelogBytes}).
     */
    static void changelogLive(String bootstrap, String prefix) throws Exception {
        List<String> topics;
        try (Admin admin = admin(bootstrap)) {
            topics = admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(prefix) && name.endsWith("-changelog")).sorted().toList();
        }
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("isolation.level", "read_committed");
        props.put("max.partition.fetch.bytes", "4194304");
        props.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        props.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        Map<String, Long> live = new java.util.TreeMap<>();
        long keys = 0;
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(props)) {
            for (String topic : topics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                Map<java.nio.ByteBuffer, Integer> latest = new java.util.HashMap<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(topic + " not read to its end within 120 s");
                    }
                    for (var record : consumer.poll(Duration.ofMillis(500))) {
                        java.nio.ByteBuffer key = java.nio.ByteBuffer.wrap(
                                (record.partition() + "/" + new String(record.key(), StandardCharsets.ISO_8859_1))
                                        .getBytes(StandardCharsets.ISO_8859_1));
                        if (record.value() == null) {
                            latest.remove(key);
                        } else {
                            latest.put(key, record.serializedKeySize() + record.serializedValueSize());
                        }
                    }
                }
                live.put(topic, latest.values().stream().mapToLong(Integer::longValue).sum());
                keys += latest.size();
            }
        }
        long total = live.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("{\"total\":" + total + ",\"keys\":" + keys + ",\"topics\":{" + live.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",")) + "}}");
    }

    static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** P3: checkpoint accepted → FIRING on alerts.v1, and → the webhook request, per path. */
    static final class Latency {

        static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z]+)\"");
        static final Pattern SHIPMENT = Pattern.compile("\"shipment\"\\s*:\\s*\"([^\"]+)\"");
        /** A sample that did not arrive within 60 s: counted, and kept out of the percentiles. */
        static final double TIMED_OUT = Double.POSITIVE_INFINITY;
        static final String SHIPMENT_RULE = "bench-shipment-delay";
        static final String CROSSING_RULE = "bench-crossing-queued";

        final String ingest;
        final String alerts;
        final String carrierToken;
        final String adminToken;
        final String bootstrap;
        final int webhookPort;
        final String crossing;
        final String runId;
        /** When each awaited thing was seen: "alerts.v1|rule|state|shipment" and "webhook|rule|state|shipment". */
        final Map<String, Long> seen = new java.util.concurrent.ConcurrentHashMap<>();
        volatile boolean running = true;

        Latency(String ingest, String alerts, String carrierToken, String adminToken, String bootstrap, int webhookPort,
                String crossing, String runId) {
            this.ingest = ingest;
            this.alerts = alerts;
            this.carrierToken = carrierToken;
            this.adminToken = adminToken;
            this.bootstrap = bootstrap;
            this.webhookPort = webhookPort;
            this.crossing = crossing;
            this.runId = runId;
        }

        void run(int samples, String backgroundRunId, int backgroundShipments, int backgroundRate) throws Exception {
            com.sun.net.httpserver.HttpServer webhook = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", webhookPort), 0);
            webhook.createContext("/", exchange -> {
                long at = System.nanoTime();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                note("webhook", body, at);
            });
            webhook.start();
            Thread reader = started(this::readAlerts);
            AtomicLong backgroundAccepted = new AtomicLong();
            var background = java.util.concurrent.Executors.newScheduledThreadPool(4);
            long backgroundStart = System.nanoTime();
            background.scheduleAtFixedRate(() -> backgroundAccepted.addAndGet(backgroundBatch(backgroundRunId,
                    backgroundShipments, Math.max(1, backgroundRate / 10))), 0, 100, TimeUnit.MILLISECONDS);
            try {
                rule(SHIPMENT_RULE, "shipment_delay_minutes", 30, "STANDARD");
                rule(CROSSING_RULE, "queued_now", 0, "FAST");
                Thread.sleep(3000); // the reader is at the end of alerts.v1; the rules are loaded
                List<Double> shipmentTopic = new ArrayList<>();
                List<Double> shipmentHook = new ArrayList<>();
                List<Double> crossingTopic = new ArrayList<>();
                List<Double> crossingHook = new ArrayList<>();
                int taken = 0;
                long budgetEnd = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
                for (int i = 0; i < samples; i++) {
                    if (System.nanoTime() > budgetEnd) {
                        System.err.println("    four minutes of samples: no more (the pipeline is slower than a sample a second)");
                        break;
                    }
                    taken++;
                    String late = shipment("S", i, "STANDARD");
                    long t0 = checkpoint(late, "QUEUE_ENTERED", 60);
                    shipmentTopic.add(await("alerts.v1", SHIPMENT_RULE, "FIRING", late, t0));
                    shipmentHook.add(await("webhook", SHIPMENT_RULE, "FIRING", late, t0));

                    String queued = shipment("C", i, "FAST");
                    t0 = checkpoint(queued, "QUEUE_ENTERED", 1);
                    crossingTopic.add(await("alerts.v1", CROSSING_RULE, "FIRING", "", t0));
                    crossingHook.add(await("webhook", CROSSING_RULE, "FIRING", "", t0));
                    long t1 = checkpoint(queued, "PORT_EXITED", 0);
                    await("alerts.v1", CROSSING_RULE, "RESOLVED", "", t1);
                    seen.keySet().removeIf(key -> key.contains(CROSSING_RULE));
                    Thread.sleep(1100); // the series publishes at most once a second
                    System.err.printf("    sample %d of %d: shipment rule %.0f ms, crossing rule %.0f ms to alerts.v1%n",
                            i + 1, samples, shipmentTopic.get(i), crossingTopic.get(i));
                    if (shipmentTopic.get(i) == TIMED_OUT || crossingTopic.get(i) == TIMED_OUT) {
                        System.err.println("    a minute without an alert: the pipeline is behind; no more samples");
                        break;
                    }
                }
                background.shutdownNow();
                double backgroundPerSecond = backgroundAccepted.get() / seconds(backgroundStart);
                System.out.println("{\"samples\":" + taken + String.format(Locale.ROOT,
                        ",\"backgroundCheckpointsPerSecond\":%.0f", backgroundPerSecond) + ",\"shipmentRule\":{\"alertsTopicMs\":" + summary(shipmentTopic)
                        + ",\"webhookMs\":" + summary(shipmentHook) + "},\"crossingRule\":{\"alertsTopicMs\":"
                        + summary(crossingTopic) + ",\"webhookMs\":" + summary(crossingHook) + "}}");
            } finally {
                background.shutdownNow();
                running = false;
                delete(SHIPMENT_RULE);
                delete(CROSSING_RULE);
                webhook.stop(0);
                reader.join(5000);
            }
        }

        final AtomicLong backgroundNext = new AtomicLong();

        /** One batch of new checkpoints (fresh eventIds, now) for the background shipments; returns how many were accepted. */
        long backgroundBatch(String runId, int shipments, int size) {
            List<String> types = List.copyOf(JOURNEY.keySet());
            StringBuilder batch = new StringBuilder("{\"events\":[");
            String now = Instant.now().minusSeconds(1).toString();
            for (int k = 0; k < size; k++) {
                long n = backgroundNext.getAndIncrement();
                batch.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"shipmentId\":\"BENCH-%s-%07d\",\"eventId\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"%s\","
                                + "\"source\":\"RFID\"}", runId, n % shipments, UUID.randomUUID(),
                        types.get((int) (n / shipments % types.size())), now));
            }
            try {
                HttpResponse<String> response = HTTP.send(post(ingest + "/api/v1/checkpoints/batch", carrierToken,
                        batch.append("]}").toString()), HttpResponse.BodyHandlers.ofString());
                Matcher m = ACCEPTED.matcher(response.body());
                return response.statusCode() == 200 && m.find() ? Long.parseLong(m.group(1)) : 0;
            } catch (Exception e) {
                return 0;
            }
        }

        void readAlerts() {
            Properties props = new Properties();
            props.put("bootstrap.servers", bootstrap);
            props.put("isolation.level", "read_committed");
            props.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
            props.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
            try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(props)) {
                List<TopicPartition> partitions = consumer.partitionsFor("alerts.v1").stream()
                        .map(p -> new TopicPartition("alerts.v1", p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                while (running) {
                    for (var record : consumer.poll(Duration.ofMillis(20))) {
                        if (record.value() != null) {
                            note("alerts.v1", record.value(), System.nanoTime());
                        }
                    }
                }
            }
        }

        /** The (rule, state, shipment) a message names, first sighting kept; shipment "" for the crossing rule. */
        void note(String where, String body, long at) {
            String rule = body.contains(SHIPMENT_RULE) ? SHIPMENT_RULE : body.contains(CROSSING_RULE) ? CROSSING_RULE : null;
            if (rule == null) {
                return;
            }
            Matcher states = STATE.matcher(body);
            String state = where.equals("alerts.v1") ? (states.find() ? states.group(1) : "?")
                    : body.contains("\"resolved\"") ? "RESOLVED" : "FIRING";
            Matcher shipment = SHIPMENT.matcher(body);
            String key = where + "|" + rule + "|" + state + "|";
            if (rule.equals(SHIPMENT_RULE) && shipment.find()) {
                seen.putIfAbsent(key + shipment.group(1), at);
            } else if (rule.equals(CROSSING_RULE)) {
                seen.putIfAbsent(key, at);
            }
        }

        double await(String where, String rule, String state, String shipment, long since) throws InterruptedException {
            String key = where + "|" + rule + "|" + state + "|" + shipment;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                Long at = seen.get(key);
                if (at != null) {
                    // the relay may publish before the 202 reaches us: that is no latency at all
                    return Math.max(0, at - since) / 1e6;
                }
                Thread.sleep(1);
            }
            System.err.println("    no " + state + " of " + rule + (shipment.isEmpty() ? "" : " for " + shipment) + " on "
                    + where + " within 60 s");
            return TIMED_OUT;
        }

        void rule(String id, String measure, double threshold, String laneType) throws Exception {
            String body = String.format(Locale.ROOT, "{\"id\":\"%s\",\"name\":\"%s\",\"measure\":\"%s\",\"threshold\":%s,"
                    + "\"forMinutes\":0,\"keepFiringForMinutes\":0,\"severity\":\"INFO\",\"summary\":\"bench\","
                    + "\"scope\":{\"crossingId\":\"%s\",\"direction\":\"SOUTHBOUND\",\"laneType\":\"%s\"}}", id, id,
                    measure, threshold, crossing, laneType);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(alerts + "/api/v1/rules/" + id))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) { // PUT replaces a rule; a new one is POSTed
                response = HTTP.send(post(alerts + "/api/v1/rules", adminToken, body), HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("rule " + id + ": HTTP " + response.statusCode() + " " + response.body());
            }
        }

        void delete(String id) {
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create(alerts + "/api/v1/rules/" + id))
                        .header("Authorization", "Bearer " + adminToken).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                System.err.println("could not delete rule " + id + ": " + e);
            }
        }

        String shipment(String kind, int i, String laneType) throws Exception {
            String id = String.format(Locale.ROOT, "BENCH-%s-%s%03d", runId, kind, i);
            String body = String.format(Locale.ROOT, "{\"shipmentId\":\"%s\",\"crossingId\":\"%s\",\"direction\":"
                    + "\"SOUTHBOUND\",\"laneType\":\"%s\",\"plannedArrival\":\"%s\"}", id, crossing, laneType,
                    Instant.now().plusSeconds(3600));
            HttpResponse<String> response = HTTP.send(post(ingest + "/api/v1/shipments", carrierToken, body),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("shipment " + id + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return id;
        }

        /** Posts one checkpoint; returns when its 202 arrived (System.nanoTime). */
        long checkpoint(String shipmentId, String type, int minutesAgo) throws Exception {
            String body = String.format(Locale.ROOT, "{\"eventId\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"%s\",\"source\":\"RFID\"}",
                    UUID.randomUUID(), type, Instant.now().minusSeconds(60L * minutesAgo));
            HttpResponse<String> response = HTTP.send(post(ingest + "/api/v1/shipments/" + shipmentId + "/checkpoints",
                    carrierToken, body), HttpResponse.BodyHandlers.ofString());
            long at = System.nanoTime();
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("checkpoint of " + shipmentId + ": HTTP " + response.statusCode() + " "
                        + response.body());
            }
            return at;
        }

        static String summary(List<Double> millis) {
            List<Double> sorted = millis.stream().filter(ms -> ms != TIMED_OUT).sorted().toList();
            long timedOut = millis.size() - sorted.size();
            if (sorted.isEmpty()) {
                return "{\"timedOut\":" + timedOut + "}";
            }
            return String.format(Locale.ROOT, "{\"p50\":%.0f,\"p95\":%.0f,\"p99\":%.0f,\"max\":%.0f,\"timedOut\":%d}",
                    rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99), sorted.get(sorted.size() - 1), timedOut);
        }

        /** Nearest rank. */
        static double rank(List<Double> sorted, double p) {
            return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }
}
