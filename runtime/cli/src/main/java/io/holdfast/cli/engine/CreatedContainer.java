package io.holdfast.cli.engine;

import java.util.List;

/** The answer to POST /containers/create. */
public record CreatedContainer(String id, List<String> warnings) {}
