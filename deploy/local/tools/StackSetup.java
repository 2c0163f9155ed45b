import io.borderflow.events.TopicDefinition;
import io.borderflow.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Prepares the local stack's broker and database, idempotently: every topic with its partitions and cleanup
 * policy, and the database the services migrate their schemas in. Run by deploy/local/up as a single-file
 * program (java -cp kafka-lib/*:tools-lib/*:shipment-events.jar StackSetup.java ...), so the topics come from
 * shipment-events' Topics.ALL, the one place that defines them.
 *
 * usage: StackSetup.java [topics BOOTSTRAP] [database JDBC_URL_OF_AN_EXISTING_DB USER DATABASE [--reset]]
 */
public class StackSetup {

    public static void main(String[] args) throws Exception {
        int i = 0;
        if (args.length == 0) {
            usage();
        }
        while (i < args.length) {
            if (args[i].equals("topics") && i + 1 < args.length) {
                topics(args[i + 1]);
                i += 2;
            } else if (args[i].equals("database") && i + 3 < args.length) {
                boolean reset = i + 4 < args.length && args[i + 4].equals("--reset");
                database(args[i + 1], args[i + 2], args[i + 3], reset);
                i += reset ? 5 : 4;
            } else {
                usage();
            }
        }
    }

    static void usage() {
        System.err.println("usage: StackSetup.java [topics BOOTSTRAP] [database JDBC_URL USER DATABASE [--reset]]");
        System.exit(2);
    }

    static void topics(String bootstrap) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicDefinition topic : Topics.ALL) {
                if (!existing.contains(topic.name())) {
                    missing.add(topic.newTopic((short) 1));
                }
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e);
                }
            }
            for (TopicDefinition topic : Topics.ALL) {
                System.out.printf("  topic %-24s %2d partition(s)%s%s%n", topic.name(), topic.partitions(),
                        topic.compacted() ? ", compacted" : "",
                        existing.contains(topic.name()) ? "" : " (created)");
            }
        }
    }

    static void database(String url, String user, String database, boolean reset) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            if (reset) {
                String drop = "drop database if exists \"" + database.replace("\"", "") + "\"";
                try (Statement statement = connection.createStatement()) {
                    // with (force) ends the sessions a crashed service left behind; PostgreSQL 13 and newer
                    statement.execute(drop + " with (force)");
                } catch (SQLException olderServer) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(drop);
                    }
                }
                System.out.println("  database " + database + " dropped (--reset)");
            }
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        System.out.println("  database " + database + " (exists)");
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database.replace("\"", "") + "\"");
            }
            System.out.println("  database " + database + " (created)");
        }
    }
}
