package io.borderflow.support.outbox;

import io.borderflow.testsupport.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The records of one key on a topic, in the order of its partition (a key lives in one partition). */
final class KeyRecords {

    private KeyRecords() {
    }

    static List<ConsumerRecord<String, byte[]>> of(String bootstrap, String topic, String key) {
        return TopicRecords.readAll(bootstrap, topic).stream().filter(r -> key.equals(r.key())).toList();
    }

    static List<String> values(String bootstrap, String topic, String key) {
        return of(bootstrap, topic, key).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }
}
