-- payg-kit server: history that costs the same at any size. A page of the ledger, of one type
-- of entry, or of top-ups reads one index range of the page's length; a usage report reads one
-- row per day and service of its range, not every charge.

-- `GET /billing/transactions?type=...`: the account's entries of one type, newest first, however
-- rare that type is among them ((account_id, seq DESC) serves the unfiltered list).
CREATE INDEX IF NOT EXISTS payg_ledger_account_type_seq ON payg_ledger (account_id, type, seq DESC);

-- `GET /billing/top-ups`: the settled attempts only, so lookups' CANCELLED rows and attempts in
-- flight are never read past.
CREATE INDEX IF NOT EXISTS payg_top_up_attempts_account_settled_seq ON payg_top_up_attempts (account_id, seq DESC)
  WHERE status IN ('SUCCEEDED', 'DECLINED');

-- The usage report's days: per account, UTC day and service, the sum of the charges and refunds
-- of charges entered that day (charges negative), how many charges, and the first entry's seq
-- (services are listed in the order they were first charged that day). Kept by a trigger in the
-- transaction of every ledger insert, so it always equals the ledger: the ledger is append-only,
-- so an insert is the only change it ever sees.
CREATE TABLE payg_usage_days (
  account_id text NOT NULL REFERENCES payg_accounts (id),
  day date NOT NULL,
  service text NOT NULL,
  amount numeric NOT NULL,
  requests integer NOT NULL CHECK (requests >= 0),
  first_seq bigint NOT NULL,
  PRIMARY KEY (account_id, day, service)
);

CREATE FUNCTION payg_usage_days_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO payg_usage_days AS d (account_id, day, service, amount, requests, first_seq)
  SELECT account_id, (created_at AT TIME ZONE 'UTC')::date, service, sum(amount),
         count(*) FILTER (WHERE type = 'USAGE'), min(seq)
  FROM new_entries
  WHERE type IN ('USAGE', 'REFUND') AND service IS NOT NULL
  GROUP BY 1, 2, 3
  ON CONFLICT (account_id, day, service) DO UPDATE
    SET amount = d.amount + excluded.amount,
        requests = d.requests + excluded.requests,
        first_seq = least(d.first_seq, excluded.first_seq);
  RETURN NULL;
END
$$;

-- Once per statement, over the rows it inserted: a bulk insert folds into one upsert per day.
CREATE TRIGGER payg_ledger_usage_days
  AFTER INSERT ON payg_ledger REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION payg_usage_days_add();

-- The days of the entries written before this migration.
INSERT INTO payg_usage_days (account_id, day, service, amount, requests, first_seq)
SELECT account_id, (created_at AT TIME ZONE 'UTC')::date, service, sum(amount),
       count(*) FILTER (WHERE type = 'USAGE'), min(seq)
FROM payg_ledger
WHERE type IN ('USAGE', 'REFUND') AND service IS NOT NULL
GROUP BY 1, 2, 3;
