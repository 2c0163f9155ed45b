package io.borderflow.events;

public enum Direction {
    /** Mexico to the United States. */
    NORTHBOUND,
    /** The United States to Mexico. */
    SOUTHBOUND
}
