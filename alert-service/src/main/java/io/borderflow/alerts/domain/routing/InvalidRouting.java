package io.borderflow.alerts.domain.routing;

import java.util.List;

/** A routing configuration that cannot be used; each problem names its line and field. */
public class InvalidRouting extends RuntimeException {

    /** @param line 1-based line of the YAML, 0 when the document as a whole is wrong */
    public record Problem(int line, String field, String message) {
        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + field + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public InvalidRouting(List<Problem> problems) {
        super(String.join("; ", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
