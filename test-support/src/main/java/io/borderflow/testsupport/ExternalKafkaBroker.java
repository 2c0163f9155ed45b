package io.borderflow.testsupport;

/** A broker someone else runs, at {@code BORDERFLOW_TEST_KAFKA_BOOTSTRAP}; never stopped by tests. */
record ExternalKafkaBroker(String bootstrapServers) implements KafkaBroker {

    static final String BOOTSTRAP_VARIABLE = "BORDERFLOW_TEST_KAFKA_BOOTSTRAP";

    static ExternalKafkaBroker fromEnvironment() {
        return new ExternalKafkaBroker(Mode.required(BOOTSTRAP_VARIABLE));
    }

    @Override
    public String kind() {
        return "external";
    }

    @Override
    public void close() {
    }
}
