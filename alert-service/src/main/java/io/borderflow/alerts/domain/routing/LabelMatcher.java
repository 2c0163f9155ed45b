package io.borderflow.alerts.domain.routing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One Alertmanager label matcher: {@code name=value}, {@code !=}, {@code =~} and {@code !~}. A regular
 * expression must match the whole value (Alertmanager anchors it), and a missing label reads as "".
 */
public record LabelMatcher(String name, Type type, String value, Pattern pattern) {

    public enum Type {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        final String operator;

        Type(String operator) {
            this.operator = operator;
        }

        boolean regex() {
            return this == REGEX || this == NOT_REGEX;
        }
    }

    /** {@code name op value}, the value optionally in double quotes (Alertmanager's {@code matchers} syntax). */
    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^\"]*?)\\s*");

    public static LabelMatcher of(String name, Type type, String value) {
        try {
            return new LabelMatcher(name, type, value, type.regex() ? Pattern.compile("^(?:" + value + ")$") : null);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a regular expression: " + value, e);
        }
    }

    public static LabelMatcher parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a matcher (name=value, !=, =~, !~): " + text);
        }
        String value = m.group(3);
        if (value.startsWith("\"")) {
            value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        for (Type type : Type.values()) {
            if (type.operator.equals(m.group(2))) {
                return of(m.group(1), type, value);
            }
        }
        throw new IllegalStateException("the syntax admits only the four operators");
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        return switch (type) {
            case EQUAL -> value.equals(actual);
            case NOT_EQUAL -> !value.equals(actual);
            case REGEX -> pattern.matcher(actual).matches();
            case NOT_REGEX -> !pattern.matcher(actual).matches();
        };
    }

    /** As Alertmanager prints it in a route's key: {@code severity="critical"}. */
    @Override
    public String toString() {
        return name + type.operator + quote(value);
    }

    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
