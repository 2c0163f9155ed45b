package io.borderflow.analyzer.streams.state;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes a store value in the compact binary form: integers as varints (an epoch second takes 5 bytes,
 * a count 1), text as length + UTF-8, UUIDs as 16 bytes, doubles as their 8 IEEE bytes (read back exactly).
 * A nullable field is a presence byte and, if present, the value.
 */
final class StateOutput {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);

    StateOutput writeByte(int value) {
        bytes.write(value);
        return this;
    }

    StateOutput writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    /** Unsigned LEB128. */
    StateOutput writeUnsigned(long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            bytes.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        bytes.write((int) rest);
        return this;
    }

    /** Zigzag, so small negative numbers stay short. */
    StateOutput writeSigned(long value) {
        return writeUnsigned((value << 1) ^ (value >> 63));
    }

    StateOutput writeText(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeUnsigned(utf8.length);
        bytes.writeBytes(utf8);
        return this;
    }

    StateOutput writeUuid(UUID value) {
        writeFixed(value.getMostSignificantBits());
        return writeFixed(value.getLeastSignificantBits());
    }

    /** Exact to the nanosecond: epoch second, then nanos (one byte when whole seconds). */
    StateOutput writeInstant(Instant value) {
        writeSigned(value.getEpochSecond());
        return writeUnsigned(value.getNano());
    }

    /**
     * An instant as its distance from {@code base}, which the reader knows already: a journey's checkpoints are
     * minutes apart, so two or three bytes of seconds instead of five (then nanos as in {@link #writeInstant}).
     */
    StateOutput writeInstantAfter(Instant base, Instant value) {
        long seconds = value.getEpochSecond() - base.getEpochSecond();
        int nanos = value.getNano() - base.getNano();
        if (nanos < 0) {
            seconds--;
            nanos += 1_000_000_000;
        }
        writeSigned(seconds);
        return writeUnsigned(nanos);
    }

    StateOutput writeNullableInstant(Instant value) {
        writeBoolean(value != null);
        return value == null ? this : writeInstant(value);
    }

    StateOutput writeDouble(double value) {
        return writeFixed(Double.doubleToLongBits(value));
    }

    StateOutput writeNullableDouble(Double value) {
        writeBoolean(value != null);
        return value == null ? this : writeDouble(value);
    }

    <E extends Enum<E>> StateOutput writeCode(EnumCodes<E> codes, E value) {
        return writeUnsigned(codes.code(value));
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private StateOutput writeFixed(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes.write((int) (value >>> shift));
        }
        return this;
    }
}
