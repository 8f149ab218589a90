// A loopback HTTP server that speaks the part of Stripe's REST API (v1) the Stripe adapter uses:
// customers (and their default card), SetupIntents, detaching PaymentMethods, PaymentIntents
// (create with confirm, retrieve, list) with Stripe's idempotency rules, and Stripe's test
// cards. The browser's part (confirming a SetupIntent, completing 3-D Secure) is done by the
// test through `confirmSetup` and `authenticate`.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'

type Json = Record<string, unknown>

/** Stripe's test cards the fake knows, by number. */
export const STRIPE_TEST_CARDS = {
  visa: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  /** Asks for authentication unless it was set up for off-session use. */
  authenticateUnlessSetUp: '4000002500003155',
  /** Asks for authentication on every payment. */
  authenticateAlways: '4000002760003184',
} as const

/** Stripe's test PaymentMethods, by id, and the test card each stands for. */
const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: STRIPE_TEST_CARDS.visa,
  pm_card_chargeDeclined: STRIPE_TEST_CARDS.declined,
  pm_card_chargeDeclinedInsufficientFunds: STRIPE_TEST_CARDS.insufficientFunds,
  pm_card_authenticationRequired: STRIPE_TEST_CARDS.authenticateAlways,
}

/** One request the fake received. */
export interface FakeStripeRequest {
  method: string
  path: string
  idempotencyKey: string | null
  params: Json
  replayed: boolean
}

interface Stored {
  method: string
  path: string
  params: string
  status: number
  body: Json
}

/** The secret key the fake accepts (a test-mode key). */
export const FAKE_STRIPE_KEY = 'sk_test_payg_fake'
const API_KEY = FAKE_STRIPE_KEY

function id(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`
}

/** Stripe's form encoding (`a[b][0]=c`) read back into nested objects. */
function parseParams(text: string): Json {
  const root: Json = {}
  for (const [name, value] of new URLSearchParams(text)) {
    const path = name.replace(/\]/g, '').split('[')
    let node = root
    path.forEach((part, i) => {
      if (i === path.length - 1) {
        node[part] = value
        return
      }
      node[part] ??= {}
      node = node[part] as Json
    })
  }
  return root
}

function canonicalParams(text: string): string {
  return [...new URLSearchParams(text)]
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('&')
}

function stripeError(status: number, error: Json) {
  return { status, body: { error } }
}

/** Starts the fake on 127.0.0.1; `client()` is a real `stripe` client pointed at it. */
export async function startFakeStripe(options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  const customers = new Map<string, Json>()
  const setupIntents = new Map<string, Json>()
  const paymentIntents = new Map<string, Json>()
  const paymentMethods = new Map<string, { object: Json; number: string; setUp: boolean }>()

  /** Saves `cardNumber` through a SetupIntent, as Stripe.js's `confirmCardSetup` does. */
  function saveSetup(setupIntentId: string, cardNumber: string): Json {
    const intent = setupIntents.get(setupIntentId)
    if (!intent) throw new Error(`No SetupIntent ${setupIntentId}`)
    const pmId = id('pm')
    const object = {
      id: pmId,
      object: 'payment_method',
      type: 'card',
      customer: intent.customer,
      card: { brand: 'visa', last4: cardNumber.slice(-4), exp_month: 12, exp_year: 2030 },
    }
    paymentMethods.set(pmId, { object, number: cardNumber, setUp: true })
    intent.status = 'succeeded'
    intent.payment_method = pmId
    return structuredClone(intent)
  }
  const idempotent = new Map<string, Stored>()
  const requests: FakeStripeRequest[] = []
  let drop = 0
  let sequence = 0

  const created = () => Math.floor(now().getTime() / 1000)

  function paymentIntent(params: Json) {
    const customer = params.customer as string | undefined
    const pmId = params.payment_method as string | undefined
    const pm = pmId ? paymentMethods.get(pmId) : undefined
    if (!customer || !customers.has(customer)) {
      return stripeError(400, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: `No such customer: '${customer}'`,
        param: 'customer',
      })
    }
    if (!pm || pm.object.customer !== customer) {
      return stripeError(400, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: `No such PaymentMethod: '${pmId}'`,
        param: 'payment_method',
      })
    }
    const intentId = id('pi')
    const intent: Json = {
      id: intentId,
      object: 'payment_intent',
      amount: Number(params.amount),
      currency: params.currency,
      customer,
      payment_method: pmId,
      status: 'requires_confirmation',
      client_secret: `${intentId}_secret_${randomBytes(8).toString('hex')}`,
      metadata: params.metadata ?? {},
      created: created(),
      last_payment_error: null,
      cancellation_reason: null,
      livemode: false,
      _seq: sequence++,
    }
    paymentIntents.set(intentId, intent)
    if (params.confirm !== 'true') return { status: 200, body: intent }
    const offSession = params.off_session === 'true'
    const { number } = pm
    const declined = (code: string, declineCode: string, message: string) => {
      const error = { type: 'card_error', code, decline_code: declineCode, message }
      intent.status = 'requires_payment_method'
      intent.payment_method = null
      intent.last_payment_error = { ...error, payment_method: pm.object }
      return stripeError(402, { ...error, payment_intent: view(intent), payment_method: pm.object })
    }
    const asksForAuthentication =
      number === STRIPE_TEST_CARDS.authenticateAlways ||
      (number === STRIPE_TEST_CARDS.authenticateUnlessSetUp && !pm.setUp)
    if (number === STRIPE_TEST_CARDS.visa || number === STRIPE_TEST_CARDS.authenticateUnlessSetUp) {
      if (!asksForAuthentication) {
        intent.status = 'succeeded'
        return { status: 200, body: intent }
      }
    }
    if (asksForAuthentication) {
      if (!offSession) {
        intent.status = 'requires_action'
        intent.next_action = { type: 'use_stripe_sdk' }
        return { status: 200, body: intent }
      }
      return declined(
        'authentication_required',
        'authentication_required',
        'Your card was declined. This transaction requires authentication.',
      )
    }
    if (number === STRIPE_TEST_CARDS.insufficientFunds) {
      return declined('card_declined', 'insufficient_funds', 'Your card has insufficient funds.')
    }
    return declined('card_declined', 'generic_decline', 'Your card was declined.')
  }

  function view(intent: Json): Json {
    const { _seq, ...rest } = intent
    return structuredClone(rest)
  }

  function route(method: string, path: string, params: Json) {
    const [, , resource, objectId, action] = path.split('/')
    if (method === 'POST' && path === '/v1/customers') {
      const customer = {
        id: id('cus'),
        object: 'customer',
        metadata: params.metadata ?? {},
        invoice_settings: { default_payment_method: null },
        created: created(),
      }
      customers.set(customer.id, customer)
      return { status: 200, body: customer }
    }
    if (method === 'GET' && resource === 'customers' && objectId) {
      const customer = customers.get(objectId)
      return customer
        ? { status: 200, body: customer }
        : stripeError(404, {
            type: 'invalid_request_error',
            code: 'resource_missing',
            message: `No such customer: '${objectId}'`,
          })
    }
    if (method === 'POST' && resource === 'customers' && objectId && !action) {
      // Only what the tests set: the customer's default PaymentMethod ('' unsets it).
      const customer = customers.get(objectId)
      const settings = params.invoice_settings as Json | undefined
      const pmId = settings?.default_payment_method as string | undefined
      if (!customer || (pmId && paymentMethods.get(pmId)?.object.customer !== objectId)) {
        return stripeError(400, {
          type: 'invalid_request_error',
          code: 'resource_missing',
          message: `No such customer or PaymentMethod of it: '${objectId}', '${pmId}'`,
        })
      }
      if (pmId !== undefined) customer.invoice_settings = { default_payment_method: pmId || null }
      return { status: 200, body: customer }
    }
    if (method === 'POST' && resource === 'payment_methods' && objectId && action === 'detach') {
      const pm = paymentMethods.get(objectId)
      const customer = customers.get(String(pm?.object.customer))
      if (!pm || !customer) {
        return stripeError(400, {
          type: 'invalid_request_error',
          code: 'payment_method_unexpected_state',
          message: 'The payment method you provided is not attached to a customer.',
        })
      }
      pm.object.customer = null
      // The fake unsets a detached default; the adapter also copes with one left naming it.
      const settings = customer.invoice_settings as Json
      if (settings.default_payment_method === objectId) settings.default_payment_method = null
      return { status: 200, body: pm.object }
    }
    if (method === 'POST' && path === '/v1/setup_intents') {
      const setupId = id('seti')
      const intent = {
        id: setupId,
        object: 'setup_intent',
        customer: params.customer,
        usage: params.usage ?? 'off_session',
        status: 'requires_payment_method',
        payment_method: null,
        client_secret: `${setupId}_secret_${randomBytes(8).toString('hex')}`,
        metadata: params.metadata ?? {},
        created: created(),
      }
      setupIntents.set(setupId, intent)
      return { status: 200, body: intent }
    }
    if (method === 'GET' && resource === 'payment_methods' && objectId) {
      const pm = paymentMethods.get(objectId)
      return pm
        ? { status: 200, body: pm.object }
        : stripeError(404, {
            type: 'invalid_request_error',
            code: 'resource_missing',
            message: `No such PaymentMethod: '${objectId}'`,
          })
    }
    if (method === 'POST' && resource === 'setup_intents' && objectId && action === 'confirm') {
      // Server-side confirmation with one of Stripe's test PaymentMethods (`pm_card_visa`, ...).
      const card = TEST_PAYMENT_METHODS[String(params.payment_method)]
      if (!setupIntents.has(objectId) || !card) {
        return stripeError(400, {
          type: 'invalid_request_error',
          code: 'resource_missing',
          message: `No such SetupIntent or test PaymentMethod: '${objectId}'`,
        })
      }
      return { status: 200, body: saveSetup(objectId, card) }
    }
    if (method === 'GET' && resource === 'setup_intents' && objectId) {
      const intent = setupIntents.get(objectId)
      return intent
        ? { status: 200, body: intent }
        : stripeError(404, {
            type: 'invalid_request_error',
            code: 'resource_missing',
            message: `No such setupintent: '${objectId}'`,
          })
    }
    if (method === 'POST' && path === '/v1/payment_intents') return paymentIntent(params)
    if (method === 'GET' && resource === 'payment_intents' && objectId) {
      const intent = paymentIntents.get(objectId)
      return intent
        ? { status: 200, body: view(intent) }
        : stripeError(404, {
            type: 'invalid_request_error',
            code: 'resource_missing',
            message: `No such payment_intent: '${objectId}'`,
          })
    }
    if (method === 'GET' && path === '/v1/payment_intents') {
      const limit = Math.min(Number(params.limit ?? 10), 100)
      const gte = (params.created as Json | undefined)?.gte
      let all = [...paymentIntents.values()]
        .filter((pi) => params.customer === undefined || pi.customer === params.customer)
        .filter((pi) => gte === undefined || (pi.created as number) >= Number(gte))
        .sort((a, b) => (b._seq as number) - (a._seq as number))
      if (params.starting_after) {
        const at = all.findIndex((pi) => pi.id === params.starting_after)
        all = all.slice(at + 1)
      }
      return {
        status: 200,
        body: {
          object: 'list',
          url: '/v1/payment_intents',
          has_more: all.length > limit,
          data: all.slice(0, limit).map(view),
        },
      }
    }
    return stripeError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}).`,
    })
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const method = request.method ?? 'GET'
    const text = method === 'GET' ? url.search.slice(1) : Buffer.concat(chunks).toString('utf8')
    const params = parseParams(text)
    const key = (request.headers['idempotency-key'] as string | undefined) ?? null
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'request-id': id('req'),
    }
    if (key) headers['idempotency-key'] = key
    let answer: { status: number; body: Json }
    let replayed = false
    if (request.headers.authorization !== `Bearer ${API_KEY}`) {
      answer = stripeError(401, {
        type: 'invalid_request_error',
        message: 'Invalid API Key provided.',
      })
    } else if (method === 'POST' && key) {
      const stored = idempotent.get(key)
      if (!stored) {
        answer = route(method, url.pathname, params)
        // As Stripe: a request refused before it ran (invalid parameters) saves no result.
        if (answer.status < 400 || answer.status === 402) {
          idempotent.set(key, {
            method,
            path: url.pathname,
            params: canonicalParams(text),
            ...structuredClone(answer),
          })
        }
      } else if (stored.method !== method || stored.path !== url.pathname) {
        answer = stripeError(400, {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${stored.method} ${stored.path}' vs '${method} ${url.pathname}').`,
        })
      } else if (stored.params !== canonicalParams(text)) {
        answer = stripeError(400, {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        })
      } else {
        answer = { status: stored.status, body: structuredClone(stored.body) }
        replayed = true
        headers['idempotent-replayed'] = 'true'
      }
    } else {
      answer = route(method, url.pathname, params)
    }
    requests.push({ method, path: url.pathname, idempotencyKey: key, params, replayed })
    if (drop > 0) {
      // The work is done and remembered; the answer is lost on the way back.
      drop--
      request.socket.destroy()
      return
    }
    const body = answer.body.object ? view(answer.body) : answer.body
    response.writeHead(answer.status, headers)
    response.end(JSON.stringify(body))
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      response.writeHead(500, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ error: { type: 'api_error', message: String(error) } }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    requests,
    /** Where the fake listens, e.g. `http://127.0.0.1:40123`. */
    origin: `http://127.0.0.1:${port}`,
    /** A real `stripe` client on the fake (no automatic retries unless asked). */
    client(config: { maxNetworkRetries?: number } = {}): Stripe {
      return new Stripe(API_KEY, {
        host: '127.0.0.1',
        port,
        protocol: 'http',
        maxNetworkRetries: config.maxNetworkRetries ?? 0,
        telemetry: false,
      })
    },
    /** What a browser's `confirmCardSetup` does: saves `cardNumber` through the SetupIntent. */
    confirmSetup(setupIntentId: string, cardNumber: string): Json {
      return saveSetup(setupIntentId, cardNumber)
    },
    /** What a browser's `confirmCardPayment` does for 3-D Secure, as the cardholder chose. */
    authenticate(paymentIntentId: string, result: 'succeed' | 'fail'): Json {
      const intent = paymentIntents.get(paymentIntentId)
      if (!intent) throw new Error(`No PaymentIntent ${paymentIntentId}`)
      const pmId = (intent.last_payment_error as Json | null)?.payment_method as Json | undefined
      intent.payment_method = intent.payment_method ?? pmId?.id ?? null
      if (result === 'succeed') {
        intent.status = 'succeeded'
        intent.last_payment_error = null
      } else {
        intent.status = 'requires_payment_method'
        intent.last_payment_error = {
          type: 'invalid_request_error',
          code: 'payment_intent_authentication_failure',
          message: 'The provided PaymentMethod has failed authentication.',
          payment_method: pmId,
        }
      }
      return view(intent)
    },
    /** Every PaymentIntent made, oldest first. */
    paymentIntents(): Json[] {
      return [...paymentIntents.values()].map(view)
    },
    /** Loses the answers of the next `count` requests after doing their work. */
    dropResponses(count: number) {
      drop = count
    },
    /** A webhook event's JSON body, as Stripe sends it (`previous`: `data.previous_attributes`). */
    event(type: string, object: Json, previous?: Json): string {
      return JSON.stringify({
        id: id('evt'),
        object: 'event',
        api_version: '2026-10-28.endive',
        created: created(),
        livemode: false,
        type,
        data: previous ? { object, previous_attributes: previous } : { object },
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
      })
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The fake Stripe server `startFakeStripe` gives. */
export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>
