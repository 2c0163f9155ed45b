package io.borderflow.support.rest;

/** Thrown by a service to answer with a problem; the mapper turns it into the response. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(Problem.of(status, type, title, detail));
    }

    public Problem problem() {
        return problem;
    }
}
