package io.holdfast.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Column layout as Docker's tabwriter does it (minimum width 10, padding 3): every column but the
 * last is padded to its widest cell plus three spaces; the last is printed as is.
 */
public final class Tables {

    private static final int MIN_WIDTH = 10;
    private static final int PADDING = 3;

    private Tables() {}

    /** Returns the table as lines, header first, without trailing newlines. */
    public static List<String> render(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>(rows.size() + 1);
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int column = 0; column < row.size() - 1; column++) {
                widths[column] = Math.max(widths[column], Math.max(MIN_WIDTH, width(row.get(column)) + PADDING));
            }
        }
        List<String> lines = new ArrayList<>(all.size());
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                String cell = row.get(column);
                line.append(cell);
                if (column < row.size() - 1) {
                    line.append(" ".repeat(widths[column] - width(cell)));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
