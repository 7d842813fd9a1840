package io.holdfast.api.shell;

/**
 * One completion of the word under the cursor: the whole word as it would read ({@code value}), a short description
 * (may be empty), and whether it is complete (a space may follow) or a prefix of more (an option that takes a value
 * is still complete).
 */
public record Candidate(String value, String description, boolean complete) {
}
