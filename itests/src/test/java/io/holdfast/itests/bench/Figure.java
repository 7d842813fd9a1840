package io.holdfast.itests.bench;

/**
 * One measured figure.
 *
 * @param scenario e.g. {@code restore after SIGKILL, N=100}
 * @param metric   e.g. {@code socket answers}
 * @param value    the number
 * @param unit     {@code ms}, {@code MiB}, {@code lines/s}, ...
 * @param detail   how it was obtained (repetitions, spread), shown beside it
 */
record Figure(String scenario, String metric, double value, String unit, String detail) {
}
