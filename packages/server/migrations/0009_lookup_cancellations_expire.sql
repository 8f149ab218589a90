-- payg-kit server: a lookup's cancellation is kept as long as idempotency keys are.
-- `GET /billing/top-ups/{key}` that finds nothing records a CANCELLED attempt under the key, so a
-- request still in flight with it never charges. `purgeExpiredKeys()` deletes those older than
-- the keys' retention by this index, so lookups of made-up keys do not grow the table for ever.
CREATE INDEX IF NOT EXISTS payg_top_up_attempts_cancelled_created
  ON payg_top_up_attempts (created_at) WHERE status = 'CANCELLED';
