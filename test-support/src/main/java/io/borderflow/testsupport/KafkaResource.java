package io.borderflow.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.jboss.logging.Logger;

/**
 * A real Kafka broker for a {@code @QuarkusTest}: a fresh one per resource start, so test classes do not
 * see each other's records.
 *
 * <p>Mode ({@code -Dborderflow.test.kafka} or {@code BORDERFLOW_TEST_KAFKA}): {@code auto} (default:
 * Testcontainers when a Docker engine answers, else embedded), {@code embedded} (a KRaft broker inside
 * the test JVM), {@code testcontainers}, {@code external} ({@code BORDERFLOW_TEST_KAFKA_BOOTSTRAP}).
 *
 * <p>Before the application starts it creates every BorderFlow topic as the deployments do (shipment-events'
 * {@code Topics.ALL}: partitions, cleanup, dead-letter topics). Init arg {@code topics}: test-only topics to
 * create as well, see {@link TopicSpec#borderflowAnd}.
 * Init arg {@code restartable=true}: the test stops and starts the broker ({@link RestartableKafkaBroker},
 * injected with {@code @InjectKafka}); that needs the embedded broker, so this class always gets one.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(KafkaResource.class);

    private List<TopicSpec> topics = TopicSpec.borderflow();
    private boolean restartable;
    private KafkaBroker broker;
    private Admin admin;
    private KafkaCompanion companion;

    @Override
    public void init(Map<String, String> initArgs) {
        topics = TopicSpec.borderflowAnd(initArgs.get("topics"));
        restartable = Boolean.parseBoolean(initArgs.get("restartable"));
    }

    @Override
    public Map<String, String> start() {
        broker = startBroker(restartable ? Mode.EMBEDDED : Mode.selected("kafka"));
        broker.createTopics(topics);
        LOG.infof("Kafka for tests: %s broker at %s", broker.kind(), broker.bootstrapServers());
        if (!usesKafkaStreams()) {
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
        }
        return Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.kafka-streams.bootstrap-servers", broker.bootstrapServers());
    }

    private static boolean usesKafkaStreams() {
        try {
            Class.forName("io.quarkus.kafka.streams.runtime.KafkaStreamsProducer", false,
                    Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Starts a broker in the given mode; {@code auto} resolves to what runs here. */
    public static KafkaBroker startBroker(Mode mode) {
        return switch (resolve(mode)) {
            case EMBEDDED -> EmbeddedKafkaBroker.start();
            case TESTCONTAINERS -> ContainerKafkaBroker.start();
            case EXTERNAL -> ExternalKafkaBroker.fromEnvironment();
            default -> throw new IllegalArgumentException("Kafka has no " + mode + " mode");
        };
    }

    static Mode resolve(Mode mode) {
        if (mode == Mode.AUTO) {
            return DockerEngine.answers() ? Mode.TESTCONTAINERS : Mode.EMBEDDED;
        }
        return mode;
    }

    /** Called for every test instance; the clients are made once per broker. */
    @Override
    public synchronized void inject(TestInjector testInjector) {
        if (admin == null) {
            admin = broker.admin();
            companion = new KafkaCompanion(broker.bootstrapServers());
        }
        testInjector.injectIntoFields(broker.bootstrapServers(),
                new TestInjector.AnnotatedAndMatchesType(InjectKafka.class, String.class));
        testInjector.injectIntoFields(admin, new TestInjector.AnnotatedAndMatchesType(InjectKafka.class, Admin.class));
        testInjector.injectIntoFields(broker,
                new TestInjector.AnnotatedAndMatchesType(InjectKafka.class, KafkaBroker.class));
        if (broker instanceof RestartableKafkaBroker restartableBroker) {
            testInjector.injectIntoFields(restartableBroker,
                    new TestInjector.AnnotatedAndMatchesType(InjectKafka.class, RestartableKafkaBroker.class));
        }
        testInjector.injectIntoFields(companion,
                new TestInjector.AnnotatedAndMatchesType(InjectKafka.class, KafkaCompanion.class));
    }

    @Override
    public synchronized void stop() {
        if (companion != null) {
            companion.close();
            admin.close();
            companion = null;
            admin = null;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
