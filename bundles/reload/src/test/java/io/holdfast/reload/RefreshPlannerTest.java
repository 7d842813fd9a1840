package io.holdfast.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Named.named;

import io.holdfast.spi.reload.BundleChange;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which bundles an update refreshes and why, and which refreshes refuse the whole plan: one row per rule. */
class RefreshPlannerTest {
    private static final String ANNOTATIONS = "com.fasterxml.jackson.core.jackson-annotations";
    private static final String DATABIND = "com.fasterxml.jackson.core.jackson-databind";

    /** The updated bundles' ids and their dependency closure as the framework gives it. */
    record Closure(List<Long> updated, List<WiredBundle> bundles) {
    }

    static Stream<Arguments> refreshes() {
        WiredBundle annotations = bundle(10, ANNOTATIONS);
        return Stream.of(
                row("nothing updated refreshes nothing", new Closure(List.of(), List.of())),
                row("an updated bundle alone in its closure refreshes nothing",
                        new Closure(List.of(10L), List.of(annotations))),
                row("an importer is refreshed, wired to the package it imports",
                        new Closure(List.of(10L), List.of(annotations, bundle(11, DATABIND,
                                packageWire(10, ANNOTATIONS, "com.fasterxml.jackson.annotation")))),
                        "refresh " + DATABIND + " 2.19.2: wired to " + ANNOTATIONS
                                + " (package com.fasterxml.jackson.annotation)"),
                row("an indirect importer is wired to the refreshed bundle it imports from, not the updated one",
                        new Closure(List.of(10L), List.of(annotations,
                                bundle(11, DATABIND, packageWire(10, ANNOTATIONS, "com.fasterxml.jackson.annotation")),
                                bundle(12, "io.holdfast.shim", packageWire(0, "org.apache.felix.framework",
                                        "org.osgi.framework"), packageWire(11, DATABIND,
                                        "com.fasterxml.jackson.databind")))),
                        "refresh " + DATABIND + " 2.19.2: wired to " + ANNOTATIONS
                                + " (package com.fasterxml.jackson.annotation)",
                        "refresh io.holdfast.shim 2.19.2: wired to " + DATABIND
                                + " (package com.fasterxml.jackson.databind)"),
                row("a required bundle is named with its namespace",
                        new Closure(List.of(10L), List.of(annotations, bundle(13, "io.holdfast.extra",
                                new WiredBundle.Wire(10, ANNOTATIONS, "osgi.wiring.bundle", ANNOTATIONS)))),
                        "refresh io.holdfast.extra 2.19.2: wired to " + ANNOTATIONS + " (bundle " + ANNOTATIONS + ")"),
                row("a bundle with no wire into the refresh (unresolved) is still said to be refreshed",
                        new Closure(List.of(10L), List.of(annotations, bundle(14, "io.holdfast.extra"))),
                        "refresh io.holdfast.extra 2.19.2: wired to a bundle being refreshed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refreshes")
    void refresh(Closure closure, List<String> expected) {
        assertEquals(expected, RefreshPlanner.refreshes(closure.updated(), closure.bundles()).stream()
                .map(c -> c.action() + " " + c.symbolicName() + " " + c.toVersion() + ": " + c.reason()).toList());
    }

    static Stream<Arguments> blocks() {
        return Stream.of(
                Arguments.of(named("refreshing engine bundles is allowed",
                        List.of(refresh(DATABIND), refresh("io.holdfast.supervisor"))), null),
                Arguments.of(named("refreshing the shim as a side effect is refused, with the way out",
                        List.of(refresh(DATABIND), refresh("io.holdfast.shim"))),
                        "this reload would restart io.holdfast.shim (wired to " + DATABIND + "), which a reload never "
                                + "does as a side effect; deploy a shim jar as well to update both, or restart the "
                                + "engine to apply it"),
                Arguments.of(named("refreshing a resident bundle is refused; only a restart applies it",
                        List.of(refresh("io.holdfast.api"), refresh("io.holdfast.shim"))),
                        "this reload would restart io.holdfast.api (wired to " + DATABIND + "), io.holdfast.shim "
                                + "(wired to " + DATABIND + "), which a reload never does as a side effect; restart "
                                + "the engine to apply it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void blocked(List<BundleChange> refreshes, String expected) {
        assertEquals(expected, RefreshPlanner.blocked(refreshes));
    }

    private static Arguments row(String rule, Closure closure, String... expected) {
        return Arguments.of(named(rule, closure), List.of(expected));
    }

    private static WiredBundle bundle(long id, String symbolicName, WiredBundle.Wire... wires) {
        return new WiredBundle(id, symbolicName, "2.19.2", List.of(wires));
    }

    private static WiredBundle.Wire packageWire(long providerId, String providerName, String pkg) {
        return new WiredBundle.Wire(providerId, providerName, "osgi.wiring.package", pkg);
    }

    private static BundleChange refresh(String symbolicName) {
        return new BundleChange(symbolicName, "refresh", "1.0.0", "1.0.0", "wired to " + DATABIND);
    }
}
