package io.borderflow.support.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

/** How the running application's console handler writes a log record, with the MDC a current span leaves. */
final class ConsoleFormat {

    static String line(String message, Map<String, String> mdc) {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, message, ConsoleFormat.class.getName());
        record.setLoggerName("io.borderflow.test");
        record.setMdc(mdc);
        return console().getFormatter().format(record);
    }

    private static ConsoleHandler console() {
        List<Handler> pending = new ArrayList<>(List.of(LogContext.getLogContext().getLogger("").getHandlers()));
        while (!pending.isEmpty()) {
            Handler handler = pending.remove(0);
            if (handler instanceof ConsoleHandler console) {
                return console;
            }
            if (handler instanceof ExtHandler parent) {
                pending.addAll(List.of(parent.getHandlers()));
            }
        }
        throw new AssertionError("no console handler installed");
    }

    private ConsoleFormat() {
    }
}
