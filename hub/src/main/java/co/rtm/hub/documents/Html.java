package co.rtm.hub.documents;

import java.util.List;
import java.util.Map;

/** The HTML all documents share: escaping, a self-contained page with print CSS (no CDN, no external assets). */
final class Html {
    private static final String CSS = """
            body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:11pt;color:#111;margin:2em auto;max-width:60em;padding:0 1em}
            h1{font-size:16pt;margin:0 0 .2em}h2{font-size:12.5pt;margin:1.2em 0 .4em;border-bottom:1px solid #999}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.2em .4em;text-align:left;vertical-align:top}
            th{background:#eee}dl.facts{display:grid;grid-template-columns:14em 1fr;gap:.15em 1em;margin:0}dl.facts dt{font-weight:bold}
            dl.facts dd{margin:0}.fail{font-weight:bold}.verdict{font-size:14pt;font-weight:bold}
            .qr{float:right;margin:0 0 1em 1em;text-align:center;font-size:8pt;max-width:5cm;word-break:break-all}
            .ok{color:#0a5d00}.bad{color:#a00000}.seal{font-family:monospace;font-size:8pt;word-break:break-all}
            form input[type=text]{width:100%;font-family:monospace}
            @page{size:letter;margin:1.5cm}
            @media print{body{margin:0;max-width:none;font-size:10pt}.noprint{display:none}th{background:#eee!important;-webkit-print-color-adjust:exact;print-color-adjust:exact}tr{break-inside:avoid}}
            """;

    private Html() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"es\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + "</title><style>" + CSS + "</style></head><body>\n" + body + "\n</body></html>\n";
    }

    static String facts(List<Map.Entry<String, String>> facts) {
        StringBuilder out = new StringBuilder("<dl class=\"facts\">");
        for (Map.Entry<String, String> f : facts) {
            out.append("<dt>").append(esc(f.getKey())).append("</dt><dd>").append(esc(f.getValue())).append("</dd>");
        }
        return out.append("</dl>").toString();
    }

    static String table(String[] header, List<String[]> rows, int failColumn) {
        StringBuilder out = new StringBuilder("<table><thead><tr>");
        for (String h : header) {
            out.append("<th>").append(esc(h)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (String[] row : rows) {
            boolean fail = failColumn >= 0 && row[failColumn].startsWith("No cumple");
            out.append(fail ? "<tr class=\"fail\">" : "<tr>");
            for (String cell : row) {
                out.append("<td>").append(esc(cell)).append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }
}
