package io.caseflow.definition;

/** A case as clients and gateways address it: its name and api (the seed's businessCaseName/Api). */
public record CaseKey(String name, String api) {
    @Override
    public String toString() {
        return name + "/" + api;
    }
}
