-- payg-kit server: outgoing webhooks (Standard Webhooks), delivered from an outbox.
-- An event is written in the same transaction as the ledger change it reports, so it is never
-- lost; a delivery takes a short lease, so a process that dies mid-delivery loses nothing either.

CREATE TABLE payg_webhook_outbox (
  seq bigserial PRIMARY KEY,
  -- The `webhook-id` header: the same on every retry, so receivers can drop duplicates.
  id text NOT NULL UNIQUE,
  account_id text NOT NULL REFERENCES payg_accounts (id),
  type text NOT NULL,
  -- The exact body delivered: `{ type, timestamp, data }`.
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- Set while one dispatcher delivers it; another takes over once it has passed.
  leased_until timestamptz,
  -- Which delivery holds the lease: only it may record the outcome.
  lease text,
  delivered_at timestamptz,
  -- Set when every attempt failed; the row stays for inspection and `redeliver`.
  failed_at timestamptz,
  last_error text
);

CREATE INDEX payg_webhook_outbox_due ON payg_webhook_outbox (next_attempt_at)
  WHERE delivered_at IS NULL AND failed_at IS NULL;
