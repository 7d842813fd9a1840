package io.holdfast.cli.commands;

import picocli.CommandLine.Command;

/** {@code holdfast images}: Docker's shorthand for {@code image ls}. */
@Command(name = "images", description = "List images (same as image ls).")
public final class ImagesCommand extends ImageListCommand {}
