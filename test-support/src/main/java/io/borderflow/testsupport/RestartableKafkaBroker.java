package io.borderflow.testsupport;

/**
 * A broker a test can stop and start again on the same address, to see how an application behaves while
 * Kafka is unreachable and after it is back. Topics and records survive the restart.
 */
public interface RestartableKafkaBroker extends KafkaBroker {

    /** Shuts the broker down: its listener closes, clients get connection refused. */
    void stopBroker();

    /** Starts it again on the same port with the same data, and waits until it serves requests. */
    void startBroker();
}
