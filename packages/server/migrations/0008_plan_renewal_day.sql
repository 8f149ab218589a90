-- payg-kit server: the day of the month a legacy plan renews on. Its credits renew a calendar
-- month (UTC) apart, back to credits_per_month; in a month without that day (a plan of the 31st
-- in April) the plan renews on the month's last day and on its own day again the month after,
-- which renewal_date alone could not tell. A plan stored before renews on its date's day.
ALTER TABLE payg_plans ADD COLUMN renewal_day smallint;
UPDATE payg_plans SET renewal_day = extract(day FROM renewal_date AT TIME ZONE 'UTC');
ALTER TABLE payg_plans ALTER COLUMN renewal_day SET NOT NULL;
ALTER TABLE payg_plans ADD CONSTRAINT payg_plans_renewal_day CHECK (renewal_day BETWEEN 1 AND 31);
