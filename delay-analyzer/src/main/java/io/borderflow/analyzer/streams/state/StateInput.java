package io.borderflow.analyzer.streams.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;

/** Reads what {@link StateOutput} wrote, in the same order; running past the end is a corrupt record. */
final class StateInput {

    private final byte[] bytes;
    private int position;

    StateInput(byte[] bytes, int position) {
        this.bytes = bytes;
        this.position = position;
    }

    int readByte() {
        if (position >= bytes.length) {
            throw new SerializationException("state record ends early (" + bytes.length + " bytes)");
        }
        return bytes[position++] & 0xFF;
    }

    boolean readBoolean() {
        return readByte() != 0;
    }

    long readUnsigned() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int next = readByte();
            value |= (long) (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                return value;
            }
        }
        throw new SerializationException("state record has a varint longer than 64 bits");
    }

    long readSigned() {
        long zigzag = readUnsigned();
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    int readInt() {
        return Math.toIntExact(readUnsigned());
    }

    String readText() {
        int length = readInt();
        if (length > bytes.length - position) {
            throw new SerializationException("state record ends early (" + bytes.length + " bytes)");
        }
        String text = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return text;
    }

    UUID readUuid() {
        return new UUID(readFixed(), readFixed());
    }

    Instant readInstant() {
        return Instant.ofEpochSecond(readSigned(), readUnsigned());
    }

    /** The counterpart of {@code StateOutput.writeInstantAfter}. */
    Instant readInstantAfter(Instant base) {
        return base.plusSeconds(readSigned()).plusNanos(readUnsigned());
    }

    Instant readNullableInstant() {
        return readBoolean() ? readInstant() : null;
    }

    double readDouble() {
        return Double.longBitsToDouble(readFixed());
    }

    Double readNullableDouble() {
        return readBoolean() ? readDouble() : null;
    }

    <E extends Enum<E>> E readCode(EnumCodes<E> codes) {
        return codes.value(readInt());
    }

    /** Every byte was read: a longer record was written by another layout than the one reading it. */
    void requireEnd() {
        if (position != bytes.length) {
            throw new SerializationException("state record has " + (bytes.length - position) + " unread bytes");
        }
    }

    private long readFixed() {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | readByte();
        }
        return value;
    }
}
