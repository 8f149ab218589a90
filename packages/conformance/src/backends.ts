import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { InsufficientBalanceError } from '@payg-kit/core'
import { toNodeListener } from '@payg-kit/core/proxy'
import { createPaygMock, DEFAULT_BASE_URL, DEFAULT_PAYMENT_METHOD } from '@payg-kit/msw'
import {
  createBillingServer,
  createFakePayments,
  illustrativePricing,
  migrate,
  pglite,
  TEST_CARDS,
} from '@payg-kit/server'
import { setupServer } from 'msw/node'
import { TEST_NOW } from '../../../test/clock'
import { declaredStatuses } from './spec'

/** The state a case starts an account in. */
export interface AccountState {
  /** The exact dollar balance (decimal string). */
  balance: string
  /** The saved card: one that pays, one that is declined, one that asks for 3-D Secure, or none. */
  card: 'visa' | 'declined' | 'authenticationRequired' | null
  /** Whole dollars below which the balance reads LOW (null: never). */
  lowBalanceThreshold: number | null
  /** A legacy monthly plan the account is still on (its balance is then in credits). */
  plan?: { name: string; monthlyPrice: string; creditsPerMonth: number; creditsRemaining: number }
}

/** When a legacy plan renews: 12 days after the pinned clock. */
const RENEWS_IN_DAYS = 12

/** What a call answered, its body read as JSON. */
export interface Answer {
  status: number
  headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: cases read response bodies freely
  body: any
}

/** One account on a backend, and the HTTP calls its owner makes. */
export interface Account {
  /**
   * What the platform's job endpoint does for a generation: charges `dollars` (a multiple of
   * $0.0012, the mock's credit) once per `key`, or on a legacy plan as many plan credits;
   * false when the balance (or the plan's credits) cannot cover it.
   */
  charge(dollars: string, key: string): Promise<boolean>
  /** Moves the backend's clock forward by `ms`: the mock's clock, the server's `now`. */
  advance(ms: number): Promise<void>
  /**
   * The cardholder's answer to the 3-D Secure check of the top-up answered with `clientSecret`,
   * as the bank takes it (Stripe.js's side of the flow); throws when no payment waits for it.
   */
  authenticate(clientSecret: string, result: 'succeed' | 'fail'): Promise<void>
  /** Sends `method path` (a `/billing/...` path with its query) as the account's owner. */
  call(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<Answer>
}

/** A billing extension the suite runs against. */
export interface Backend {
  name: string
  /** Starts what the backend needs (a database and its migrations) before the first case. */
  ready(): Promise<void>
  /** Opens a fresh account in `state`. */
  account(state: AccountState): Promise<Account>
  close(): Promise<void>
}

/**
 * What `method path` answered. Every answer of every case is one openapi/payg.yaml declares for
 * the operation (`declaredStatuses`): a status the spec does not list fails the case that got it.
 */
async function answer(method: string, path: string, response: Response): Promise<Answer> {
  const declared = declaredStatuses(method, path)
  if (!declared.includes(response.status)) {
    throw new Error(
      `${method} ${path} was answered ${response.status}, which the spec does not declare (it lists ${declared.join(', ')}).`,
    )
  }
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  }
}

/** The whole credits `dollars` buys at $0.0012 a credit. */
function creditsOf(dollars: string): bigint {
  const micros = BigInt(Math.round(Number(dollars) * 1_000_000))
  if (micros % 1200n !== 0n) throw new Error(`${dollars} is not a whole number of credits`)
  return micros / 1200n
}

/** A call's headers and body: JSON unless the body is a Blob, which goes as it is (its type, if any). */
function request(options: { body?: unknown; headers?: Record<string, string> } = {}) {
  const { body, headers = {} } = options
  if (body instanceof Blob) return { headers, body }
  return {
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  }
}

/** The mock: `@payg-kit/msw`'s handlers in Node, one mock per account. */
export function mockBackend(): Backend {
  const msw = setupServer()
  msw.listen({ onUnhandledRequest: 'bypass' })
  const apiKey = 'conformance-key'
  return {
    name: 'mock (@payg-kit/msw)',
    async ready() {},
    async account(state) {
      const mock = createPaygMock({
        scenario: {
          description: 'A conformance account.',
          account: {
            createdDaysAgo: 0,
            freeCredit: Math.ceil(Number(state.balance)),
            balance: state.balance,
            lowBalanceThreshold: state.lowBalanceThreshold,
            paymentMethod: state.card === null ? null : DEFAULT_PAYMENT_METHOD,
            cardDeclines: state.card === 'declined',
            ...(state.plan
              ? {
                  billingModel: 'SUBSCRIPTION' as const,
                  freeCredit: 0,
                  plan: { ...state.plan, renewsInDays: RENEWS_IN_DAYS },
                }
              : {}),
          },
        },
        now: TEST_NOW,
        apiKey,
      })
      mock.state.setCardAsksAuthentication(state.card === 'authenticationRequired')
      msw.resetHandlers(...mock.handlers)
      return {
        async authenticate(clientSecret, result) {
          mock.state.authenticatePayment(clientSecret, result)
        },
        async advance(ms) {
          mock.clock.advance(ms)
        },
        async charge(dollars, key) {
          // On a legacy plan the mock's ledger takes the request's list credits.
          const result = mock.ledger.charge(
            {
              service: 'IMAGE_GENERATION',
              modelKey: 'SDXL',
              credits: creditsOf(dollars),
              description: 'Conformance charge',
            },
            key,
          )
          return result.ok
        },
        async call(method, path, options) {
          const { headers, body } = request(options)
          return answer(
            method,
            path,
            await fetch(`${DEFAULT_BASE_URL}${path}`, {
              method,
              headers: { authorization: `Bearer ${apiKey}`, ...headers },
              body,
            }),
          )
        },
      }
    },
    async close() {
      msw.close()
    },
  }
}

/** The server: `createBillingServer` on an embedded PostgreSQL, over real HTTP on loopback. */
export function serverBackend(): Backend {
  const database = pglite()
  const payments = createFakePayments()
  const servers: Server[] = []
  let accounts = 0
  return {
    name: 'server (@payg-kit/server on PGlite)',
    // PGlite compiles its WebAssembly on start: tens of seconds on a busy machine, paid here once.
    async ready() {
      await migrate(database)
    },
    async account(state) {
      accounts += 1
      const accountId = `acct_conformance_${accounts}`
      const token = `token-${accounts}`
      let offset = 0
      const billing = createBillingServer({
        database,
        payments,
        now: () => new Date(TEST_NOW.getTime() + offset),
        lowBalanceThreshold: state.lowBalanceThreshold,
        pricing: illustrativePricing(),
        authenticate: (req) =>
          req.headers.get('authorization') === `Bearer ${token}` ? accountId : null,
      })
      await billing.ledger.openAccount(accountId)
      if (state.plan) {
        await billing.ledger.setLegacyPlan(accountId, {
          ...state.plan,
          renewalDate: new Date(TEST_NOW.getTime() + RENEWS_IN_DAYS * 86_400_000).toISOString(),
        })
      }
      if (state.balance !== '0') {
        await billing.ledger.grant(accountId, state.balance, `setup-${accountId}`)
      }
      payments.setCard(accountId, state.card === null ? null : TEST_CARDS[state.card])
      const server = createServer(toNodeListener(billing))
      servers.push(server)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      return {
        async authenticate(clientSecret, result) {
          if (!payments.authenticate(accountId, clientSecret, result)) {
            throw new Error(`No payment waits for the secret ${clientSecret}.`)
          }
        },
        async advance(ms) {
          offset += ms
        },
        async charge(dollars, key) {
          try {
            if ((await billing.ledger.plan(accountId)).plan) {
              await billing.ledger.chargeCredits(accountId, Number(creditsOf(dollars)), key, {
                paygCost: dollars,
                service: 'IMAGE_GENERATION',
              })
            } else {
              await billing.ledger.charge(accountId, dollars, key, { service: 'IMAGE_GENERATION' })
            }
            return true
          } catch (error) {
            if (error instanceof InsufficientBalanceError) return false
            throw error
          }
        },
        async call(method, path, options) {
          const { headers, body } = request(options)
          return answer(
            method,
            path,
            await fetch(`${origin}${path}`, {
              method,
              headers: { authorization: `Bearer ${token}`, ...headers },
              body,
            }),
          )
        },
      }
    },
    async close() {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
      await database.close()
    },
  }
}

/** Both backends, for `describe.each`: every case runs on each. */
export const BACKENDS: [string, () => Backend][] = [
  ['mock', mockBackend],
  ['server', serverBackend],
]
