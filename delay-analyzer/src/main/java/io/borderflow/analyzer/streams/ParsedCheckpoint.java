package io.borderflow.analyzer.streams;

import io.borderflow.events.CheckpointRecorded;

/** A record of {@code checkpoints.v1} after parsing: the checkpoint, or the original bytes and why they were rejected. */
record ParsedCheckpoint(CheckpointRecorded checkpoint, byte[] original) {

    boolean rejected() {
        return checkpoint == null;
    }
}
