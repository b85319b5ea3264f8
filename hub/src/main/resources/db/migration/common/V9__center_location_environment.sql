-- Where a centre is and its environmental certificate (DESIGN §4). NULL means "not registered".

-- Location of the sede: the RUNT registration is granted "bajo condiciones de ubicación" for one site
-- (art. 3.3.1.1, 3.3.1.3). Coordinates are optional, WGS84 decimal degrees, given together or not at all.
ALTER TABLE centers ADD COLUMN department TEXT;
ALTER TABLE centers ADD COLUMN municipality TEXT;
ALTER TABLE centers ADD COLUMN address TEXT;
ALTER TABLE centers ADD COLUMN latitude DOUBLE PRECISION CHECK (latitude >= -90 AND latitude <= 90);
ALTER TABLE centers ADD COLUMN longitude DOUBLE PRECISION CHECK (longitude >= -180 AND longitude <= 180);

-- Last day (ISO yyyy-MM-dd, Bogotá) the certificate of the environmental authority (IDEAM, or the CAR until
-- MinAmbiente regulates it) is valid: a registration requirement (art. 3.3.1.2 b, par. 2) the CDA must keep
-- current (art. 3.3.1.5 g).
ALTER TABLE centers ADD COLUMN environmental_until TEXT;
