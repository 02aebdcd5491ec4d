-- The trace a job continues (W3C traceparent, 55 characters), so one trace spans webhook -> turn -> LLM -> send across
-- the queue (docs/operations/observability.md). Null when tracing is off: nothing is stored then.
ALTER TABLE jobs ADD COLUMN trace_parent text;
