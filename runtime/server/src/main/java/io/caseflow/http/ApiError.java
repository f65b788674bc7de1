package io.caseflow.http;

/**
 * An error answer of the HTTP API. Every error has the same shape:
 * {@code {"error": {"code": "not_found", "message": "no process 42", "details": ...}}}; {@code code} is
 * stable and meant for programs, {@code message} is one sentence for people.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final transient Object details;

    public ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiError(int status, String code, String message, Object details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object details() {
        return details;
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "bad_request", message);
    }
}
