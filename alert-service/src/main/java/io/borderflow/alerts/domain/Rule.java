package io.borderflow.alerts.domain;

import io.borderflow.events.Severity;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An alerting rule with Prometheus semantics: the condition {@code measure comparison threshold} must hold
 * for {@code forDuration} before the alert fires, and stay false for {@code keepFiringFor} before it
 * resolves.
 */
public record Rule(
        String id,
        String name,
        Measure measure,
        Scope scope,
        Comparison comparison,
        double threshold,
        Duration forDuration,
        Duration keepFiringFor,
        Severity severity,
        String summary,
        String runbookUrl,
        boolean enabled) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    /** The condition for one observed value; no value (no data, stale series) is UNKNOWN, never false. */
    public Condition evaluate(Double value) {
        if (value == null || value.isNaN()) {
            return Condition.UNKNOWN;
        }
        return comparison.holds(value, threshold) ? Condition.TRUE : Condition.FALSE;
    }

    /** The labels of the instance for a series: the rule's own labels plus the identifying ones. */
    public Labels labelsFor(Map<String, String> identifying) {
        return Labels.of(id, name, severity.name().toLowerCase(Locale.ROOT), identifying);
    }

    /** The summary with {@code {{label}}} and {{value}} placeholders filled in, as in Prometheus templates. */
    public String summaryFor(Map<String, String> labels, Double value) {
        if (summary == null) {
            return name;
        }
        Matcher matcher = PLACEHOLDER.matcher(summary);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            String replacement = key.equals("value")
                    ? (value == null ? "n/a" : formatValue(value))
                    : labels.getOrDefault(key, "");
            matcher.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    /** Minutes and counts read best whole ("96", not "96.02"); a ratio such as a buffer index keeps two decimals. */
    private static String formatValue(double value) {
        if (value == Math.rint(value) || Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return new java.math.BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
