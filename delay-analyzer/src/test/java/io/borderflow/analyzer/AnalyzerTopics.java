package io.borderflow.analyzer;

/** The topics the analyzer reads and writes, as the test broker creates them (name:partitions[:compact]). */
public final class AnalyzerTopics {

    public static final String ALL = "checkpoints.v1:12,checkpoints.v1.dlq:1,shipment-delays.v1:3,crossing-delays.v1:3:compact";

    private AnalyzerTopics() {
    }
}
