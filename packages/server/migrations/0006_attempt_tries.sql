-- payg-kit server: how many times a top-up attempt was sent to the payment provider. From the
-- second try on, the provider is first asked what became of the earlier one (`lookup`), so a
-- payment whose answer was lost is settled as it is, never charged again.
ALTER TABLE payg_top_up_attempts ADD COLUMN tries integer NOT NULL DEFAULT 0;
