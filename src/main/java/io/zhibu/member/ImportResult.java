package io.zhibu.member;

/** What an import wrote: new members, rows already registered, invalid rows left out (valid-rows-only mode). */
public record ImportResult(String token, int inserted, int unchanged, int skippedInvalid, long millis) {
}
