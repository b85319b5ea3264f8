package co.rtm.hub.dashboard;

import co.rtm.hub.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rows as ordered maps with camelCase keys, ready for JSON. */
final class Rows {
    private Rows() {
    }

    static List<Map<String, Object>> of(Tx tx, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        String label = meta.getColumnLabel(c).toLowerCase(Locale.ROOT);
                        Object v = label.equals("active") ? (Object) rs.getBoolean(c) : rs.getObject(c);
                        row.put(camel(label), rs.wasNull() ? null : v);
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    static String camel(String lower) {
        StringBuilder out = new StringBuilder(lower.length());
        boolean up = false;
        for (char ch : lower.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return out.toString();
    }
}
