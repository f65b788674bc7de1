package io.caseflow.definition;

/** A case as clients and gateways address it: its name and api (the seed's businessCaseName/Api). */
public record CaseKey(String name, String api) {

    /** Reads {@code name/api}, e.g. {@code businessCase1/v1}; anything else is refused with an example. */
    public static CaseKey parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("'" + text + "' is not CASE/API, e.g. businessCase1/v1");
        }
        return new CaseKey(parts[0], parts[1]);
    }

    @Override
    public String toString() {
        return name + "/" + api;
    }
}
