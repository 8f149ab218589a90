-- The Stripe adapter (@payg-kit/server/stripe): each account's Stripe customer and the card
-- saved for off-session top-ups. Unused without that adapter. To link customers that already
-- exist, insert (account_id, customer_id) rows.
CREATE TABLE payg_stripe_customers (
  account_id text PRIMARY KEY,
  customer_id text NOT NULL UNIQUE,
  -- The payment method a SetupIntent saved; null falls back to the customer's
  -- invoice_settings.default_payment_method at Stripe.
  payment_method_id text,
  created_at timestamptz NOT NULL
);
