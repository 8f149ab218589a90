// @payg-kit/server/stripe: the PaymentProvider on Stripe. Only types come from 'stripe': the
// client is the platform's own instance, so this module never loads the package itself.
import type Stripe from 'stripe'
import { toApiError } from './apiError'
import type { Database } from './database'
import { json, readText } from './http'
import { sha256 } from './ledger'
import { migrate } from './migrate'
import type { PaymentEvent, PaymentMethod, PaymentOutcome, PaymentProvider } from './payments'

/** Options of `createStripePayments`. */
export interface StripePaymentsOptions {
  /** Your client, e.g. `new Stripe(process.env.STRIPE_SECRET_KEY)`. */
  stripe: Stripe
  /** The billing database: it keeps each account's Stripe customer (`payg_stripe_customers`). */
  database: Database
  /** The endpoint's signing secret (`whsec_...`); required by `webhook`. */
  webhookSecret?: string
  /** Called with each verified event the kit cares about; a throw answers 500, so Stripe retries. */
  onEvent?(event: PaymentEvent): Promise<void> | void
  /** How far back `lookup` searches an account's payments, in milliseconds (default 7 days). */
  lookupWindowMs?: number
  /** The clock `lookup` counts back from (default `() => new Date()`). */
  now?: () => Date
  /** Apply the package's migrations before the first query (default true). */
  migrate?: boolean
}

/** A `PaymentProvider` on Stripe, with card saving and a verified webhook endpoint. */
export interface StripePayments extends PaymentProvider {
  /** The account's Stripe customer id, created (once, whatever races) the first time. */
  customerId(accountId: string): Promise<string>
  /** A SetupIntent to save a card for off-session top-ups; confirm its secret with Stripe.js. */
  setupCard(accountId: string): Promise<{ setupIntentId: string; clientSecret: string }>
  /** Saves the card of a succeeded SetupIntent of this account; its payment method id, or null. */
  completeSetup(accountId: string, setupIntentId: string): Promise<string | null>
  /**
   * A Fetch handler for Stripe's webhooks: verifies the signature (400 if bad), reports events;
   * a detached saved card is cleared before it is reported.
   */
  webhook(request: Request): Promise<Response>
}

const DAY_MS = 24 * 60 * 60 * 1000
/** The largest webhook payload read (Stripe's events are a few kilobytes). */
const MAX_WEBHOOK_BYTES = 1024 * 1024
const ACCOUNT = 'payg_account_id'
const KEY = 'payg_idempotency_key'

interface CustomerRow {
  customer_id: string
  payment_method_id: string | null
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  return value == null ? null : typeof value === 'string' ? value : value.id
}

/** Whole cents of a decimal dollar string; throws on a fraction of a cent. */
function toCents(amount: string): number {
  const parts = /^(\d+)(?:\.(\d+))?$/.exec(amount)
  const fraction = parts?.[2] ?? ''
  if (!parts || /[^0]/.test(fraction.slice(2))) {
    throw new Error(`[payg-kit] ${amount} is not an amount in whole cents.`)
  }
  return Number(BigInt(parts[1] as string) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, '0')))
}

/**
 * A PaymentIntent's outcome as the kit says it, or null while it is still in flight
 * (`processing`, or not yet confirmed).
 */
function intentOutcome(intent: Stripe.PaymentIntent): PaymentOutcome | null {
  const error = intent.last_payment_error
  const paymentMethodId = idOf(intent.payment_method) ?? idOf(error?.payment_method)
  switch (intent.status) {
    case 'succeeded':
      return { status: 'SUCCEEDED', paymentId: intent.id, paymentMethodId }
    case 'requires_action':
      return {
        status: 'REQUIRES_ACTION',
        clientSecret: intent.client_secret ?? '',
        paymentMethodId,
      }
    case 'requires_payment_method':
      if (!error) return null
      // Off-session, a card that asks for 3-D Secure fails with authentication_required; the
      // cardholder can still complete this PaymentIntent on-session with its client secret.
      if (error.code === 'authentication_required') {
        return {
          status: 'REQUIRES_ACTION',
          clientSecret: intent.client_secret ?? '',
          paymentMethodId,
        }
      }
      return {
        status: 'DECLINED',
        code: 'PAYMENT_DECLINED',
        declineCode: error.decline_code ?? error.code ?? 'generic_decline',
        paymentMethodId,
      }
    case 'canceled':
      return {
        status: 'DECLINED',
        code: 'PAYMENT_DECLINED',
        declineCode: intent.cancellation_reason ?? 'canceled',
        paymentMethodId,
      }
    default:
      return null
  }
}

function stillProcessing(): Error {
  return new Error('[payg-kit] The Stripe payment is still processing; ask again later.')
}

interface StripeErrorLike {
  type?: string
  code?: string
  decline_code?: string
  payment_intent?: Stripe.PaymentIntent
  headers?: Record<string, string>
}

/**
 * The Stripe adapter: off-session PaymentIntents (`confirm`, `off_session`) charged with the
 * kit's idempotency key as Stripe's `Idempotency-Key`, cards saved through SetupIntents, payments
 * looked up by key for reconciliation, and webhooks verified with `webhookSecret`.
 */
export function createStripePayments(options: StripePaymentsOptions): StripePayments {
  const { stripe, database } = options
  const windowMs = options.lookupWindowMs ?? 7 * DAY_MS
  const now = options.now ?? (() => new Date())
  let ready: Promise<unknown> | undefined
  const start = () => {
    ready ??= options.migrate === false ? Promise.resolve() : migrate(database)
    return ready
  }

  async function customerRow(accountId: string): Promise<CustomerRow | null> {
    await start()
    const [row] = await database.query<CustomerRow>(
      'SELECT customer_id, payment_method_id FROM payg_stripe_customers WHERE account_id = $1',
      [accountId],
    )
    return row ?? null
  }

  async function customerId(accountId: string): Promise<string> {
    const known = await customerRow(accountId)
    if (known) return known.customer_id
    // Stripe's idempotency makes concurrent first calls create one customer; the table's
    // primary key keeps the first row if two ever differ.
    const customer = await stripe.customers.create(
      { metadata: { [ACCOUNT]: accountId } },
      { idempotencyKey: `payg-customer-${await sha256(accountId)}` },
    )
    await database.query(
      `INSERT INTO payg_stripe_customers (account_id, customer_id, created_at)
       VALUES ($1, $2, $3::timestamptz) ON CONFLICT (account_id) DO NOTHING`,
      [accountId, customer.id, now().toISOString()],
    )
    return (await customerRow(accountId))?.customer_id ?? customer.id
  }

  async function paymentMethodOf(row: CustomerRow): Promise<string | null> {
    if (row.payment_method_id) return row.payment_method_id
    const customer = await stripe.customers.retrieve(row.customer_id)
    if ('deleted' in customer && customer.deleted) return null
    return idOf((customer as Stripe.Customer).invoice_settings?.default_payment_method)
  }

  async function paymentMethod(accountId: string): Promise<PaymentMethod | null> {
    const row = await customerRow(accountId)
    const id = row ? await paymentMethodOf(row) : null
    if (!id) return null
    const method = await stripe.paymentMethods.retrieve(id)
    const card = method.card
    if (!card) return null
    return {
      id: method.id,
      brand: card.brand,
      last4: card.last4,
      expMonth: card.exp_month,
      expYear: card.exp_year,
    }
  }

  async function lookup({
    accountId,
    idempotencyKey,
  }: {
    accountId: string
    idempotencyKey: string
  }): Promise<PaymentOutcome | null> {
    const row = await customerRow(accountId)
    if (!row) return null
    // The customer's list, not Search: a list reads its own writes, Search can lag a minute.
    const gte = Math.floor((now().getTime() - windowMs) / 1000)
    let startingAfter: string | undefined
    for (;;) {
      const page = await stripe.paymentIntents.list({
        customer: row.customer_id,
        created: { gte },
        limit: 100,
        ...(startingAfter ? { starting_after: startingAfter } : {}),
      })
      const found = page.data.find(
        (intent) =>
          intent.metadata?.[KEY] === idempotencyKey && intent.metadata?.[ACCOUNT] === accountId,
      )
      if (found) {
        const outcome = intentOutcome(found)
        if (!outcome) throw stillProcessing()
        return outcome
      }
      const last = page.data[page.data.length - 1]
      if (!page.has_more || !last) return null
      startingAfter = last.id
    }
  }

  async function charge({
    accountId,
    amount,
    idempotencyKey,
  }: {
    accountId: string
    amount: string
    idempotencyKey: string
  }): Promise<PaymentOutcome> {
    const cents = toCents(amount)
    const row = await customerRow(accountId)
    const paymentMethod = row ? await paymentMethodOf(row) : null
    if (!row || !paymentMethod) {
      // A card removed since a first attempt must not hide the payment that attempt made.
      return (
        (await lookup({ accountId, idempotencyKey })) ?? {
          status: 'DECLINED',
          code: 'NO_PAYMENT_METHOD',
          paymentMethodId: null,
        }
      )
    }
    let intent: Stripe.PaymentIntent
    let replayed: boolean
    try {
      const created = await stripe.paymentIntents.create(
        {
          amount: cents,
          currency: 'usd',
          customer: row.customer_id,
          payment_method: paymentMethod,
          allowed_payment_method_types: ['card'],
          confirm: true,
          off_session: true,
          metadata: { [ACCOUNT]: accountId, [KEY]: idempotencyKey },
        },
        { idempotencyKey },
      )
      intent = created
      replayed = created.lastResponse?.headers?.['idempotent-replayed'] === 'true'
    } catch (error) {
      const failure = error as StripeErrorLike
      if (failure?.type !== 'StripeCardError') throw error
      if (!failure.payment_intent) {
        return {
          status: 'DECLINED',
          code: 'PAYMENT_DECLINED',
          declineCode: failure.decline_code ?? failure.code ?? 'generic_decline',
          paymentMethodId: paymentMethod,
        }
      }
      intent = failure.payment_intent
      replayed = failure.headers?.['idempotent-replayed'] === 'true'
    }
    // A replay is Stripe's first answer; the payment may have moved on since (an authentication).
    if (replayed) intent = await stripe.paymentIntents.retrieve(intent.id)
    const outcome = intentOutcome(intent)
    if (!outcome) throw stillProcessing()
    return outcome
  }

  async function setupCard(accountId: string) {
    const customer = await customerId(accountId)
    const intent = await stripe.setupIntents.create({
      customer,
      usage: 'off_session',
      allowed_payment_method_types: ['card'],
      metadata: { [ACCOUNT]: accountId },
    })
    if (!intent.client_secret) throw new Error('[payg-kit] Stripe gave no SetupIntent secret.')
    return { setupIntentId: intent.id, clientSecret: intent.client_secret }
  }

  async function saveSetup(accountId: string, intent: Stripe.SetupIntent): Promise<string | null> {
    const row = await customerRow(accountId)
    const paymentMethodId = idOf(intent.payment_method)
    if (!row || row.customer_id !== idOf(intent.customer)) return null
    if (intent.status !== 'succeeded' || !paymentMethodId) return null
    await database.query(
      'UPDATE payg_stripe_customers SET payment_method_id = $2 WHERE account_id = $1',
      [accountId, paymentMethodId],
    )
    return paymentMethodId
  }

  /**
   * The account whose card Stripe detached: the one that saved `paymentMethodId` (its saved id
   * is cleared), or, for a customer without a saved card, the one it was the default of.
   */
  async function detach(paymentMethodId: string, customer: string | null): Promise<string | null> {
    await start()
    // Only while it is still the saved card: one saved since is kept.
    const [cleared] = await database.query<CustomerRow & { account_id: string }>(
      `UPDATE payg_stripe_customers SET payment_method_id = NULL
       WHERE payment_method_id = $1 RETURNING account_id, customer_id, payment_method_id`,
      [paymentMethodId],
    )
    let row = cleared
    if (!row) {
      if (!customer) return null
      ;[row] = await database.query<CustomerRow & { account_id: string }>(
        `SELECT account_id, customer_id, payment_method_id FROM payg_stripe_customers
         WHERE customer_id = $1`,
        [customer],
      )
      if (!row || row.payment_method_id) return null
    }
    // Without a saved card the account pays with the customer's default. Stripe may have unset
    // it already, so a default that is gone counts as this card; one that names another card
    // keeps the account paying, so nothing is reported. The same answer on every delivery.
    const paying = await paymentMethodOf(row)
    return paying === null || paying === paymentMethodId ? row.account_id : null
  }

  async function completeSetup(accountId: string, setupIntentId: string) {
    // Read from Stripe, not from the browser: only a setup that really succeeded saves a card.
    return saveSetup(accountId, await stripe.setupIntents.retrieve(setupIntentId))
  }

  async function webhook(request: Request): Promise<Response> {
    const secret = options.webhookSecret
    if (!secret)
      throw new Error('[payg-kit] createStripePayments needs webhookSecret to serve webhooks.')
    if (request.method !== 'POST') {
      return json(405, { code: 'BAD_REQUEST', message: 'Webhooks are POSTed.' }, { allow: 'POST' })
    }
    // Read before the signature is checked, so anyone can send it: never past a bound.
    let payload: string
    try {
      payload = await readText(request, MAX_WEBHOOK_BYTES)
    } catch (error) {
      const { status, body } = toApiError(error)
      return json(status, body)
    }
    let event: Stripe.Event
    try {
      event = await stripe.webhooks.constructEventAsync(
        payload,
        request.headers.get('stripe-signature') ?? '',
        secret,
      )
    } catch {
      // Unverified: nothing in it is read, let alone credited.
      return json(400, { code: 'BAD_REQUEST', message: 'The webhook signature is not valid.' })
    }
    try {
      const reported = await toPaymentEvent(event)
      if (reported) await options.onEvent?.(reported)
    } catch {
      // Not handled: Stripe sends the event again later.
      return json(500, { code: 'INTERNAL_ERROR', message: 'The event could not be handled.' })
    }
    return json(200, { received: true })
  }

  async function toPaymentEvent(event: Stripe.Event): Promise<PaymentEvent | null> {
    if (event.type === 'setup_intent.succeeded') {
      const intent = event.data.object
      const accountId = intent.metadata?.[ACCOUNT]
      if (!accountId) return null
      const paymentMethodId = await saveSetup(accountId, intent)
      return paymentMethodId ? { type: 'CARD_SAVED', accountId, paymentMethodId } : null
    }
    if (event.type === 'payment_method.detached') {
      // The PaymentMethod's customer is null now; the one it was detached from is the previous.
      const paymentMethodId = event.data.object.id
      const accountId = await detach(
        paymentMethodId,
        idOf(event.data.previous_attributes?.customer),
      )
      return accountId ? { type: 'CARD_REMOVED', accountId, paymentMethodId } : null
    }
    if (
      event.type === 'payment_intent.succeeded' ||
      event.type === 'payment_intent.payment_failed'
    ) {
      const intent = event.data.object
      const accountId = intent.metadata?.[ACCOUNT]
      const idempotencyKey = intent.metadata?.[KEY]
      const outcome = intentOutcome(intent)
      if (!accountId || !idempotencyKey || !outcome) return null
      return {
        type: outcome.status === 'SUCCEEDED' ? 'PAYMENT_SUCCEEDED' : 'PAYMENT_FAILED',
        accountId,
        idempotencyKey,
        outcome,
      }
    }
    return null
  }

  return { charge, lookup, paymentMethod, customerId, setupCard, completeSetup, webhook }
}
