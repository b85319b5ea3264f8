package co.rtm.profiles.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The defect catalogue, looked up by code. */
public final class DefectCatalogue {
    private final Map<String, CatalogueEntry> byCode;

    public DefectCatalogue(List<CatalogueEntry> entries) {
        Map<String, CatalogueEntry> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            CatalogueEntry e = entries.get(i);
            if (map.putIfAbsent(e.code(), e) != null) {
                throw new IllegalArgumentException("defects[" + i + "]: code " + e.code() + " appears twice");
            }
        }
        this.byCode = Collections.unmodifiableMap(map);
    }

    public Optional<CatalogueEntry> find(String code) { return Optional.ofNullable(byCode.get(code)); }

    public boolean contains(String code) { return byCode.containsKey(code); }

    public CatalogueEntry get(String code) {
        CatalogueEntry e = byCode.get(code);
        if (e == null) throw new IllegalArgumentException("defect code " + code + " is not in the catalogue");
        return e;
    }

    public List<CatalogueEntry> entries() { return List.copyOf(byCode.values()); }
}
