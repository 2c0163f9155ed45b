package io.borderflow.analyzer.streams.state;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The numbers an encoding writes for an enum's values, fixed by the encoding and not by the enum's
 * declaration order: reordering the enum does not change what stored bytes mean. A value added to the
 * enum gets the next number here (appending keeps every stored number valid).
 */
final class EnumCodes<E extends Enum<E>> {

    private final List<E> byCode;
    private final Map<E, Integer> codes;

    private EnumCodes(Class<E> type, List<E> byCode) {
        this.byCode = List.copyOf(byCode);
        this.codes = new EnumMap<>(type);
        for (int code = 0; code < byCode.size(); code++) {
            codes.put(byCode.get(code), code);
        }
    }

    @SafeVarargs
    static <E extends Enum<E>> EnumCodes<E> of(Class<E> type, E... byCode) {
        return new EnumCodes<>(type, List.of(byCode));
    }

    int code(E value) {
        Integer code = codes.get(value);
        if (code == null) {
            throw new IllegalStateException(value.getDeclaringClass().getSimpleName() + "." + value
                    + " has no code in the state encoding: append it to its EnumCodes");
        }
        return code;
    }

    E value(int code) {
        if (code < 0 || code >= byCode.size()) {
            throw new SerializationException("unknown code " + code + " for " + byCode.get(0).getDeclaringClass().getSimpleName());
        }
        return byCode.get(code);
    }

    /** Whether every value of the enum has a code (checked by a test, so a new value cannot reach production without one). */
    boolean coversAll() {
        return codes.size() == byCode.get(0).getDeclaringClass().getEnumConstants().length;
    }
}
