import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createFakePayments, pglite, TEST_CARDS } from '@payg-kit/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app'
import { signSession } from './session'

const secret = 'test-secret'
const database = pglite()
const payments = createFakePayments()
payments.setCard('acct_cy', TEST_CARDS.visa)
payments.setCard('acct_bob', TEST_CARDS.declined)
const { app } = createApp({ database, payments, sessionSecret: secret })
let server: ReturnType<typeof serve>
let origin = ''

beforeAll(async () => {
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve())
  })
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await database.close()
})

/** A request to the app over loopback HTTP as the holder of `cookie`. */
async function call(path: string, cookie: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers)
  if (cookie !== null) headers.set('cookie', cookie)
  const response = await fetch(`${origin}${path}`, { ...init, headers })
  return { status: response.status, headers: response.headers, body: await response.json() }
}

const session = (accountId: string) => `session=${signSession(accountId, secret)}`

function topUp(cookie: string, key: string, amount: number) {
  return call('/api/billing/top-ups', cookie, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ amount }),
  })
}

describe('the billing server in a Hono app, over HTTP', () => {
  it('serves the signed-in account its balance, and nobody without a valid session', async () => {
    const balance = await call('/api/billing/balance', session('acct_ada'))
    expect(balance.status).toBe(200)
    expect(balance.body).toMatchObject({ balance: '5', currency: 'USD', state: 'LOW' })

    expect((await call('/api/billing/balance', null)).status).toBe(401)
    // Another account's id with a signature that is not the server's: refused.
    const forged = `session=acct_ada.${signSession('acct_ada', 'another-secret').split('.')[1]}`
    expect((await call('/api/billing/balance', forged)).status).toBe(401)
  })

  it('credits a top-up once, however often it is retried, and lists it in the ledger', async () => {
    const first = await topUp(session('acct_cy'), 'hono-top-up-1', 20)
    expect(first.status).toBe(201)
    expect(first.body.balance).toMatchObject({ balance: '25', state: 'OK' })

    const retry = await topUp(session('acct_cy'), 'hono-top-up-1', 20)
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')

    const list = await call('/api/billing/transactions', session('acct_cy'))
    const topUps = list.body.data.filter((entry: { type: string }) => entry.type === 'TOP_UP')
    expect(topUps.map((entry: { amount: string }) => entry.amount)).toEqual(['20'])
    expect((await call('/api/billing/balance', session('acct_cy'))).body.balance).toBe('25')
  })

  it('answers a declined card with 402 PAYMENT_DECLINED and leaves the balance alone', async () => {
    const declined = await topUp(session('acct_bob'), 'hono-top-up-2', 10)
    expect(declined.status).toBe(402)
    expect(declined.body.code).toBe('PAYMENT_DECLINED')
    expect((await call('/api/billing/balance', session('acct_bob'))).body.balance).toBe('5')
  })
})
