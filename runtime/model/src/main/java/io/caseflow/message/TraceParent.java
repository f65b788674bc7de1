package io.caseflow.message;

import java.util.regex.Pattern;

/**
 * The W3C trace context field ({@code traceparent}, https://www.w3.org/TR/trace-context/) that every
 * message may carry, so one trace follows a process from its HTTP start through every stage and service.
 * A service in any language copies it from the request into its reply; a value that is not well formed
 * is ignored (as the standard says), never a reason to refuse the message.
 */
public final class TraceParent {
    public static final String FIELD = "traceparent";
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String INVALID_TRACE = "00000000000000000000000000000000";
    private static final String INVALID_SPAN = "0000000000000000";

    private TraceParent() {
    }

    /** The value if it is a well-formed traceparent of version 00 (or a later one, read as 00), else null. */
    public static String orNull(String value) {
        if (value == null || value.length() < 55 || value.length() > 512) {
            return null;
        }
        String head = value.substring(0, 55);
        if (!FORMAT.matcher(head).matches() || head.startsWith("ff") || (head.startsWith("00") && value.length() != 55)) {
            return null;
        }
        if (head.substring(3, 35).equals(INVALID_TRACE) || head.substring(36, 52).equals(INVALID_SPAN)) {
            return null;
        }
        return head;
    }

    /** The trace id (32 hex digits) of a well-formed value. */
    public static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }
}
