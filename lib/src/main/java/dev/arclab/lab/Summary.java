package dev.arclab.lab;

import dev.arclab.report.Html;
import dev.arclab.report.Tables;
import tech.tablesaw.api.Table;

/**
 * A compact summary line and a table (may be null): how phase results, run records, the solver library and task
 * sets show in a notebook ({@link Views} makes them). As HTML: the line, then the table; as text: the same.
 */
public record Summary(String line, Table table) {
    public String html() {
        return "<div class=\"arclab-summary\" style=\"font-family:monospace;margin:4px 0\">" + Html.escape(line) + "</div>"
                + (table == null ? "" : "\n" + Tables.notebookHtml(table));
    }

    public String text() {
        return table == null ? line : line + "\n" + Tables.text(table).stripTrailing();
    }

    @Override
    public String toString() {
        return text();
    }
}
