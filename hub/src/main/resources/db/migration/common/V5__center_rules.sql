-- What centres and lanes registered about how they may work (DESIGN §4, art. 3.3.5.2.4, 3.3.3.6).
-- NULL everywhere means "not registered": nothing is checked against it.

-- The centre's class by service coverage: A, B, C or D (art. 3.3.3.6).
ALTER TABLE centers ADD COLUMN center_class TEXT CHECK (center_class IN ('A', 'B', 'C', 'D'));
-- Opening hours in America/Bogota, in the text form of co.rtm.hub.registry.OpeningHoursText.
ALTER TABLE centers ADD COLUMN opening_hours TEXT;
-- Last day (ISO yyyy-MM-dd, Bogotá) the centre's accreditation is valid.
ALTER TABLE centers ADD COLUMN accredited_until TEXT;

-- The lane's authorised effective capacity, inspections per clock hour.
ALTER TABLE stations ADD COLUMN capacity_per_hour INTEGER CHECK (capacity_per_hour >= 1);

-- When the inspection started (the station's clock); capacity is counted on it. NULL on older rows.
ALTER TABLE results ADD COLUMN started_at TEXT;
CREATE INDEX results_station_started ON results (station_id, started_at);
