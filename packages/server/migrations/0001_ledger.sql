-- payg-kit server: accounts, the append-only ledger, idempotency keys.
-- Every amount is an exact decimal (numeric), in US dollars.

CREATE TABLE payg_accounts (
  id text PRIMARY KEY,
  balance numeric NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  -- A backstop: no write, however it races, may take an account below zero.
  CONSTRAINT payg_accounts_balance_not_negative CHECK (balance >= 0)
);

CREATE TABLE payg_ledger (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  account_id text NOT NULL REFERENCES payg_accounts (id),
  type text NOT NULL CHECK (
    type IN ('TOP_UP', 'AUTO_TOP_UP', 'USAGE', 'MIGRATION_CREDIT', 'FREE_CREDIT', 'ADJUSTMENT', 'REFUND')
  ),
  amount numeric NOT NULL CHECK (amount <> 0),
  balance_after numeric NOT NULL,
  description text NOT NULL,
  service text,
  generation_id text,
  top_up_id text,
  refund_of text REFERENCES payg_ledger (id),
  -- The provider's payment a top-up credited: a payment is credited once, ever.
  payment_id text UNIQUE,
  created_at timestamptz NOT NULL
);

CREATE INDEX payg_ledger_account_seq ON payg_ledger (account_id, seq DESC);
CREATE INDEX payg_ledger_refund_of ON payg_ledger (refund_of) WHERE refund_of IS NOT NULL;

-- Entries are facts: never updated, never deleted. A correction is a new entry.
CREATE FUNCTION payg_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'payg_ledger is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER payg_ledger_no_update_or_delete
  BEFORE UPDATE OR DELETE ON payg_ledger
  FOR EACH ROW EXECUTE FUNCTION payg_ledger_refuse_change();

CREATE TRIGGER payg_ledger_no_truncate
  BEFORE TRUNCATE ON payg_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION payg_ledger_refuse_change();

CREATE TABLE payg_idempotency_keys (
  account_id text NOT NULL REFERENCES payg_accounts (id),
  key text NOT NULL,
  request_hash text NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, key)
);

CREATE INDEX payg_idempotency_keys_expires_at ON payg_idempotency_keys (expires_at);
