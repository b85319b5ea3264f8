-- Alerts raised by station events, not refusals (DESIGN §1: supervisors see instrument faults): the instrument the
-- event names, and the event's messageId, one alert per event however often the station resends it.

ALTER TABLE alerts ADD COLUMN instrument TEXT;
ALTER TABLE alerts ADD COLUMN event_message_id TEXT;

CREATE UNIQUE INDEX alerts_event ON alerts (event_message_id) WHERE event_message_id IS NOT NULL;
