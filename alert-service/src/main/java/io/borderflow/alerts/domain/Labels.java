package io.borderflow.alerts.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels of one alert instance and its fingerprint.
 *
 * <p>The fingerprint is a stable hash of the rule id and the sorted identifying labels (crossing,
 * direction, lane, shipment, carrier). The rule's name and severity are labels too but are left out of the
 * hash, so renaming a rule or changing its severity keeps the alert's identity (and its PagerDuty incident).
 */
public record Labels(Map<String, String> all, String fingerprint) {

    public static final String ALERTNAME = "alertname";
    public static final String RULE = "rule";
    public static final String SEVERITY = "severity";
    public static final String CROSSING = "crossing";
    public static final String DIRECTION = "direction";
    public static final String LANE = "lane";
    public static final String SHIPMENT = "shipment";
    public static final String CARRIER = "carrier";

    public Labels {
        all = Map.copyOf(all);
    }

    static Labels of(String ruleId, String ruleName, String severity, Map<String, String> identifying) {
        TreeMap<String, String> labels = new TreeMap<>(identifying);
        labels.put(ALERTNAME, ruleName);
        labels.put(RULE, ruleId);
        labels.put(SEVERITY, severity);
        return new Labels(labels, fingerprint(ruleId, identifying));
    }

    /** 16 hex digits (64 bits) of SHA-256 over {@code ruleId} and the sorted {@code name=value} pairs. */
    public static String fingerprint(String ruleId, Map<String, String> identifying) {
        StringBuilder text = new StringBuilder(ruleId);
        new TreeMap<>(identifying).forEach((name, value) -> text.append('\u0000').append(name).append('=').append(value));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
