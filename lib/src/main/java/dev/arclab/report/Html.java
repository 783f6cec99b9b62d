package dev.arclab.report;

import com.google.common.html.HtmlEscapers;
/** HTML escaping and the small style sheet shared by every page and table the report writes. */
public final class Html {
    /** CSS for report tables and pages. Tables carry class "arclab"; numeric cells carry class "num". */
    public static final String CSS = String.join("\n",
            "body.arclab{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;margin:24px;color:#222;max-width:1200px}",
            "h1,h2,h3{font-weight:600}",
            "h2{border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:32px}",
            "table.arclab{border-collapse:collapse;font-size:13px;margin:8px 0 16px 0}",
            "table.arclab caption{text-align:left;font-weight:600;padding:4px 0}",
            "table.arclab th{background:#f0f2f5;text-align:left;padding:4px 10px;border-bottom:2px solid #ccd}",
            "table.arclab td{padding:3px 10px;border-bottom:1px solid #eee;white-space:nowrap}",
            "table.arclab td.num,table.arclab th.num{text-align:right;font-variant-numeric:tabular-nums}",
            "table.arclab tr:hover td{background:#fafbfd}",
            "table.arclab td.regression{color:#b00020;font-weight:600}",
            "table.arclab td.improvement{color:#1b7f3b;font-weight:600}",
            "table.arclab tr.total td{font-weight:600;border-top:2px solid #ccd}",
            "p.note{color:#666;font-size:12px}",
            "img.chart{max-width:100%;border:1px solid #eee;margin:8px 0}");

    private Html() {
    }

    /** Escapes text for use in HTML or XML content and attribute values. */
    public static String escape(String s) {
        return s == null ? "" : HtmlEscapers.htmlEscaper().escape(s);
    }

    /** A complete page around a body fragment. */
    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>" + escape(title)
                + "</title>\n<style>\n" + CSS + "\n</style>\n</head>\n<body class=\"arclab\">\n" + body
                + "\n</body>\n</html>\n";
    }
}
