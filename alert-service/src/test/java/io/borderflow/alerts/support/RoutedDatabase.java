package io.borderflow.alerts.support;

import io.borderflow.testsupport.PostgresResource;

/**
 * A fresh database for a test class that configures routing. Routing is global to the application, so such a
 * class must not share its application with the unrouted ones, which it would if their resources were equal.
 */
public class RoutedDatabase extends PostgresResource {
}
