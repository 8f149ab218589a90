-- payg-kit server: auto top-up settings, and the outbox of top-up payment attempts.

-- One row per account that ever saved (or turned off) auto top-up; whole dollars, null if never set.
CREATE TABLE payg_auto_top_up (
  account_id text PRIMARY KEY REFERENCES payg_accounts (id),
  enabled boolean NOT NULL,
  threshold integer CHECK (threshold >= 1),
  amount integer CHECK (amount >= 1),
  monthly_cap integer CHECK (monthly_cap >= 1),
  consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
  disabled_reason text CHECK (disabled_reason IN ('USER', 'PAYMENT_DECLINED', 'NO_PAYMENT_METHOD')),
  -- The card that was declined until auto top-up turned off: turning it on again needs another.
  declined_payment_method_id text,
  -- The spec's AutoTopUpAttempt of the last automatic attempt, or null.
  last_attempt jsonb,
  -- The calendar month (UTC, 'YYYY-MM') the rule last ran in: a new month runs it again.
  rule_month text NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Every top-up payment, manual or automatic, recorded before the provider is asked to charge:
-- an outbox. A crash at any step leaves a PENDING row that is driven again (same provider key)
-- until it is SUCCEEDED (and credited, once: payg_ledger.payment_id is unique) or DECLINED.
CREATE TABLE payg_top_up_attempts (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES payg_accounts (id),
  kind text NOT NULL CHECK (kind IN ('MANUAL', 'AUTOMATIC')),
  amount numeric NOT NULL CHECK (amount > 0),
  description text NOT NULL,
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'DECLINED')),
  -- The idempotency key the provider is charged with, on every try.
  provider_key text NOT NULL UNIQUE,
  -- A manual top-up's Idempotency-Key: one attempt per key and account, ever.
  request_key text,
  -- An automatic attempt's message when it stops short of the threshold.
  message text,
  payment_id text UNIQUE,
  payment_method_id text,
  failure_code text CHECK (failure_code IN ('PAYMENT_DECLINED', 'NO_PAYMENT_METHOD')),
  decline_code text,
  -- Until when one process is driving it; others leave it alone until then.
  claimed_until timestamptz,
  created_at timestamptz NOT NULL,
  settled_at timestamptz,
  UNIQUE (account_id, request_key)
);

-- One open automatic attempt per account: a crossing starts one run, never two.
CREATE UNIQUE INDEX payg_top_up_attempts_one_open_auto
  ON payg_top_up_attempts (account_id) WHERE kind = 'AUTOMATIC' AND status = 'PENDING';
CREATE INDEX payg_top_up_attempts_pending
  ON payg_top_up_attempts (account_id) WHERE status = 'PENDING';
CREATE INDEX payg_top_up_attempts_account_created
  ON payg_top_up_attempts (account_id, created_at);
