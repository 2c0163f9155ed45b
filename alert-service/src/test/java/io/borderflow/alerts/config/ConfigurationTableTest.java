package io.borderflow.alerts.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The defaults of {@code borderflow.alerts.*} live in {@link AlertsConfig} alone; the README's configuration
 * table repeats them for readers, so this test holds the two equal, key by key.
 */
class ConfigurationTableTest {

    private static final String PREFIX = "borderflow.alerts.";
    private static final String NO_DEFAULT = "–";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void theReadmeListsEveryKeyWithTheDefaultOfTheConfigMapping() throws IOException {
        assertThat(readmeTable()).isEqualTo(defaults(AlertsConfig.class, PREFIX));
    }

    /** Key → default ({@value #NO_DEFAULT} without one), read from the mapping's methods and nested groups. */
    static Map<String, String> defaults(Class<?> group, String prefix) {
        Map<String, String> keys = new TreeMap<>();
        for (Method method : group.getDeclaredMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                continue;
            }
            String key = prefix + kebab(method.getName());
            if (method.getReturnType().getDeclaringClass() == AlertsConfig.class) {
                keys.putAll(defaults(method.getReturnType(), key + "."));
            } else {
                WithDefault value = method.getAnnotation(WithDefault.class);
                keys.put(key, value == null ? NO_DEFAULT : value.value());
            }
        }
        return keys;
    }

    /**
     * The rows of README.md's "Configuration" table for {@code borderflow.alerts.*}: a row may name several
     * keys ({@code `a.b.c` / `.d`}, the latter relative to the first's parent) with their defaults in turn.
     */
    static Map<String, String> readmeTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("\n## Configuration"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Map<String, String> keys = new TreeMap<>();
        for (String line : section.lines().filter(l -> l.startsWith("| `" + PREFIX)).toList()) {
            String[] cells = line.split("\\|");
            List<String> names = codes(cells[1]);
            String[] values = cells[2].split(" / ");
            assertThat(values).as(line).hasSameSizeAs(names.toArray());
            String parent = names.get(0).substring(0, names.get(0).lastIndexOf('.'));
            for (int i = 0; i < names.size(); i++) {
                String name = i == 0 ? names.get(0) : parent + names.get(i);
                List<String> value = codes(values[i]);
                keys.put(name, value.isEmpty() ? values[i].strip() : value.get(0));
            }
        }
        return keys;
    }

    private static List<String> codes(String cell) {
        Matcher matcher = CODE.matcher(cell);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
