package io.borderflow.alerts.notification;

/** How one delivery attempt ended: the receiver took it, asks to try again later, or refused it for good. */
public sealed interface DeliveryResult {

    Integer statusCode();

    record Delivered(Integer statusCode) implements DeliveryResult {
    }

    /** Connection errors, timeouts, 429 and 5xx: worth another attempt after a backoff. */
    record Retry(Integer statusCode, String error) implements DeliveryResult {
    }

    /** Any other 4xx: the request itself is wrong, repeating it cannot help. */
    record Reject(Integer statusCode, String error) implements DeliveryResult {
    }

    /** The HTTP rule shared by the webhook and PagerDuty channels. */
    static DeliveryResult ofHttpStatus(int status, String body) {
        if (status >= 200 && status < 300) {
            return new Delivered(status);
        }
        String error = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        if (status == 429 || status >= 500) {
            return new Retry(status, error);
        }
        return new Reject(status, error);
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
