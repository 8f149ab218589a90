-- payg-kit server: top-up attempts, legacy plans, and the index the usage report reads.

-- Every top-up, manual and automatic, is an attempt (0002). A lookup of a key with no top-up
-- records a CANCELLED attempt under that key, so a request still in flight with it never charges;
-- attempts are listed newest first by `seq`.
ALTER TABLE payg_top_up_attempts DROP CONSTRAINT payg_top_up_attempts_status_check;
ALTER TABLE payg_top_up_attempts ADD CONSTRAINT payg_top_up_attempts_status_check
  CHECK (status IN ('PENDING', 'SUCCEEDED', 'DECLINED', 'CANCELLED'));
ALTER TABLE payg_top_up_attempts ALTER COLUMN amount DROP NOT NULL;
ALTER TABLE payg_top_up_attempts ADD CONSTRAINT payg_top_up_attempts_amount_unless_cancelled
  CHECK (status = 'CANCELLED' OR amount IS NOT NULL);
ALTER TABLE payg_top_up_attempts ADD COLUMN seq bigserial;
CREATE INDEX payg_top_up_attempts_account_seq ON payg_top_up_attempts (account_id, seq DESC);

-- A legacy monthly API plan: the account is on it while its row exists. Migrating deletes the
-- row in the transaction that appends the MIGRATION_CREDIT entry; that entry dates the move.
CREATE TABLE payg_plans (
  account_id text PRIMARY KEY REFERENCES payg_accounts (id),
  name text NOT NULL,
  monthly_price numeric NOT NULL CHECK (monthly_price >= 0),
  credits_per_month integer NOT NULL CHECK (credits_per_month >= 0),
  credits_remaining integer NOT NULL CHECK (credits_remaining >= 0),
  renewal_date timestamptz NOT NULL
);

-- Requests paid in plan credits (not money, so not in the ledger), each once per key, with what
-- they would have cost on PAYG: the migration preview's last 30 days.
CREATE TABLE payg_plan_usage (
  seq bigserial PRIMARY KEY,
  account_id text NOT NULL REFERENCES payg_accounts (id),
  idempotency_key text NOT NULL,
  credits integer NOT NULL CHECK (credits > 0),
  payg_cost numeric NOT NULL CHECK (payg_cost >= 0),
  service text,
  generation_id text,
  created_at timestamptz NOT NULL,
  CONSTRAINT payg_plan_usage_key_once UNIQUE (account_id, idempotency_key)
);

CREATE INDEX payg_plan_usage_account_created_at ON payg_plan_usage (account_id, created_at);

-- A plan with no credits left still migrates, as one MIGRATION_CREDIT entry of zero.
ALTER TABLE payg_ledger DROP CONSTRAINT payg_ledger_amount_check;
ALTER TABLE payg_ledger ADD CONSTRAINT payg_ledger_amount_not_zero
  CHECK (amount <> 0 OR type = 'MIGRATION_CREDIT');

-- The usage report groups an account's charges of a date range by day and service.
CREATE INDEX payg_ledger_account_created_at ON payg_ledger (account_id, created_at);
