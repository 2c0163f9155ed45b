package io.borderflow.ingest.domain.waittimes;

/** A feed body that is not a Border Wait Times document this reader accepts: the poll failed, nothing changes. */
public class FeedRejected extends Exception {

    public FeedRejected(String message) {
        super(message);
    }

    public FeedRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
