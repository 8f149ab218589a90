import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { components } from '@payg-kit/core'
import { chromium } from 'playwright'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from '../../../vitest.browser.ts'
import { FAKE_STRIPE_KEY, startFakeStripe } from '../../server/src/test/fakeStripe'
import { describeStore } from '../server/billingServerPlugin'

type Balance = components['schemas']['Balance']
type TransactionList = components['schemas']['TransactionList']

const root = fileURLToPath(new URL('..', import.meta.url))
// One dependency cache for every dev server of this file: each start after the first is quick.
const cacheDir = mkdtempSync(join(tmpdir(), 'payg-playground-vite-'))
const dataDirs: string[] = []

afterAll(() => {
  for (const dir of [cacheDir, ...dataDirs]) rmSync(dir, { recursive: true, force: true })
})

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'payg-playground-data-'))
  dataDirs.push(dir)
  return dir
}

/** `pnpm dev` as a user starts it (`--mode server`), on loopback, with its data in `dataDir`. */
async function startDevServer(
  dataDir: string,
  stripe?: { secretKey: string; apiBase: string },
): Promise<{ vite: ViteDevServer; url: string }> {
  const saved = { dataDir: process.env.PAYG_DATA_DIR, databaseUrl: process.env.DATABASE_URL }
  process.env.PAYG_DATA_DIR = dataDir
  delete process.env.DATABASE_URL
  if (stripe) {
    process.env.STRIPE_SECRET_KEY = stripe.secretKey
    process.env.STRIPE_API_BASE = stripe.apiBase
  }
  const vite = await createServer({
    root,
    mode: 'server',
    configLoader: 'runner',
    logLevel: 'warn',
    cacheDir,
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
  }).finally(() => {
    // The config has read them; the rest of the process should not see them.
    if (saved.dataDir === undefined) delete process.env.PAYG_DATA_DIR
    else process.env.PAYG_DATA_DIR = saved.dataDir
    if (saved.databaseUrl !== undefined) process.env.DATABASE_URL = saved.databaseUrl
    delete process.env.STRIPE_SECRET_KEY
    delete process.env.STRIPE_API_BASE
  })
  await vite.listen()
  const url = vite.resolvedUrls?.local[0]
  if (!url) throw new Error('The dev server has no local URL.')
  return { vite, url }
}

/** Loads the page as a browser would and keeps the session cookie it is given. */
async function signIn(url: string): Promise<string> {
  const page = await fetch(url)
  await page.text()
  const cookie = page.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error('The page set no session cookie.')
  return cookie
}

async function call<T>(url: string, path: string, cookie: string, init: RequestInit = {}) {
  const response = await fetch(new URL(`api/payg/billing/${path}`, url), {
    ...init,
    headers: { cookie, 'content-type': 'application/json', ...init.headers },
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as T }
}

// PGlite compiles its WebAssembly on every start: on a busy machine that takes tens of seconds.
const SLOW = { timeout: 240_000 }

describe('pnpm dev: the playground on the real billing server', () => {
  it(
    'keeps a top-up across a restart of the dev server, in the balance and once in the ledger',
    SLOW,
    async () => {
      const dataDir = newDataDir()
      const first = await startDevServer(dataDir)
      try {
        const cookie = await signIn(first.url)
        // Without the page's session cookie, billing answers nobody.
        expect((await fetch(new URL('api/payg/billing/balance', first.url))).status).toBe(401)
        // Nor does the test-card switch: only the page's own session may change the saved card.
        const cardUrl = new URL('api/payg/playground/test-card', first.url)
        const put = (headers: Record<string, string>) =>
          fetch(cardUrl, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ card: 'declined' }),
          })
        expect((await put({})).status).toBe(401)
        expect((await put({ cookie: 'payg_playground_session=guess' })).status).toBe(401)
        const saved = await fetch(cardUrl, { headers: { cookie } })
        expect(await saved.json()).toEqual({ card: 'visa' })
        // The test bank answers the page's own session only, and only a check that waits.
        const bankUrl = new URL('api/payg/playground/authenticate', first.url)
        const answer = (headers: Record<string, string>, body: unknown, method = 'POST') =>
          fetch(bankUrl, {
            method,
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify(body),
          }).then(async (response) => ({ status: response.status, body: await response.json() }))
        const check = { clientSecret: 'pay_unknown_secret', result: 'succeed' }
        expect((await answer({}, check)).status).toBe(401)
        expect((await answer({ cookie }, check, 'PUT')).status).toBe(405)
        expect((await answer({ cookie }, { ...check, result: 'maybe' })).status).toBe(422)
        expect((await answer({ cookie }, [check])).status).toBe(422)
        expect(await answer({ cookie }, check)).toMatchObject({
          status: 404,
          body: { code: 'NOT_FOUND' },
        })

        const opened = await call<Balance>(first.url, 'balance', cookie)
        expect(opened.status).toBe(200)
        expect(opened.body).toMatchObject({ balance: '5', state: 'LOW' })

        const topUp = await call<components['schemas']['TopUpResult']>(
          first.url,
          'top-ups',
          cookie,
          {
            method: 'POST',
            headers: { 'idempotency-key': 'playground-restart-1' },
            body: JSON.stringify({ amount: 20 }),
          },
        )
        expect(topUp.status).toBe(201)
        expect(topUp.body.balance).toMatchObject({ balance: '25', state: 'OK' })
      } finally {
        await first.vite.close()
      }

      const second = await startDevServer(dataDir)
      try {
        const cookie = await signIn(second.url)
        const balance = await call<Balance>(second.url, 'balance', cookie)
        expect(balance.status).toBe(200)
        expect(balance.body).toMatchObject({ balance: '25', state: 'OK' })

        const list = await call<TransactionList>(second.url, 'transactions', cookie)
        const topUps = list.body.data.filter((entry) => entry.type === 'TOP_UP')
        expect(topUps.map((entry) => entry.amount)).toEqual(['20'])

        // The same key after the restart replays the first answer: nothing is charged again.
        const retry = await call<components['schemas']['TopUpResult']>(
          second.url,
          'top-ups',
          cookie,
          {
            method: 'POST',
            headers: { 'idempotency-key': 'playground-restart-1' },
            body: JSON.stringify({ amount: 20 }),
          },
        )
        expect(retry.status).toBe(201)
        expect(retry.headers.get('idempotent-replayed')).toBe('true')
        expect((await call<Balance>(second.url, 'balance', cookie)).body.balance).toBe('25')
      } finally {
        await second.vite.close()
      }
    },
  )

  it(
    'in Chromium: says it runs on the server, a top-up survives a reload, a declined card charges nothing, a 3-D Secure one once approved',
    SLOW,
    async () => {
      const { vite, url } = await startDevServer(newDataDir())
      const browser = await chromium.launch(chromiumLaunchOptions)
      try {
        const context = await browser.newContext()
        context.setDefaultTimeout(120_000)
        const page = await context.newPage()
        const problems: string[] = []
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
        const loaded: string[] = []
        page.on('request', (request) => loaded.push(new URL(request.url()).pathname))
        await page.goto(url)

        const note = page.locator('.playground__backend[data-backend="server"]')
        await note.getByText('Billing: the real server').waitFor()
        expect(await note.textContent()).toContain('PGlite in')
        const badge = page.getByRole('banner').locator('.payg-balance-badge')
        await badge.getByText('$5.00', { exact: true }).waitFor()

        await page.getByLabel('Amount (USD)').fill('10')
        await page.getByLabel('Amount (USD)').press('Enter')
        await badge.getByText('$15.00', { exact: true }).waitFor()

        await page.reload()
        await badge.getByText('$15.00', { exact: true }).waitFor()

        // The page's card form saves a declined card: the next top-up is refused, the balance stays.
        const form = page.locator('.payg-top-up-form')
        const cards = page.getByRole('dialog', { name: 'Payment method' })
        const saveCard = async (digits: RegExp) => {
          await form
            .getByRole('button', { name: /^(Change|Use another card)$/ })
            .first()
            .click()
          await cards.getByLabel(digits).check()
          await cards.getByRole('button', { name: 'Save card' }).click()
          await cards.waitFor({ state: 'detached' })
        }
        await saveCard(/0002/)
        await form.getByText('Pays with Visa ending in 0002').waitFor()
        await page.getByLabel('Amount (USD)').fill('10')
        await page.getByLabel('Amount (USD)').press('Enter')
        await page.getByText('Your card was declined, so nothing was charged.').waitFor()
        await badge.getByText('$15.00', { exact: true }).waitFor()

        // A card that asks for 3-D Secure: the test bank's page opens, and nothing is charged
        // until the cardholder approves; Escape leaves the payment waiting.
        await saveCard(/3184/)
        await form.getByText('Pays with Visa ending in 3184').waitFor()
        await page.getByLabel('Amount (USD)').fill('10')
        await page.getByLabel('Amount (USD)').press('Enter')
        const bank = page.getByRole('dialog', { name: 'Confirm this payment' })
        await bank.waitFor()
        expect(await bank.textContent()).toContain('$10.00')
        // It opens on the choice that changes nothing.
        expect(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? null)).toBe(
          'Not now',
        )
        await page.keyboard.press('Escape')
        await bank.waitFor({ state: 'detached' })
        // The form asked the API again: still waiting, so it offers to confirm, charging nothing.
        const confirm = page.getByRole('button', { name: 'Confirm payment' })
        await confirm.waitFor()
        expect(await badge.textContent()).toContain('$15.00')
        await confirm.click()
        await bank.getByRole('button', { name: 'Approve $10.00' }).click()
        await badge.getByText('$25.00', { exact: true }).waitFor()
        await page.getByText('Credit added').waitFor()
        // Credited once: the first top-up and the authenticated one; the declined one is not there.
        const topUps = await page.evaluate(async () => {
          const response = await fetch('/api/payg/billing/transactions')
          const list = (await response.json()) as { data: Array<{ type: string; amount: string }> }
          return list.data.filter((entry) => entry.type === 'TOP_UP').map((entry) => entry.amount)
        })
        expect(topUps).toEqual(['10', '10'])
        expect(problems).toEqual([])
        // The page loads its own modules only: neither the billing server nor its database.
        expect(loaded.some((path) => path.endsWith('/src/main.tsx'))).toBe(true)
        expect(
          loaded.filter((path) => /packages\/server|pglite|server\/billing/.test(path)),
        ).toEqual([])
      } finally {
        await browser.close()
        await vite.close()
      }
    },
  )

  it('tells the page where its data is, never the database password', () => {
    const url = 'postgres://payg:s3cret-pass@db.internal:5432/payg'
    expect(describeStore({ databaseUrl: url }, '/repo')).toBe('PostgreSQL at db.internal:5432/payg')
    expect(describeStore({ databaseUrl: 'not a url s3cret' }, '/repo')).toBe(
      'PostgreSQL (DATABASE_URL)',
    )
    expect(describeStore({ dataDir: '/repo/packages/playground/.payg-data' }, '/repo')).toBe(
      'PGlite in packages/playground/.payg-data',
    )
  })

  it(
    'runs payments through Stripe test mode: the picked test card is saved and charged there',
    SLOW,
    async () => {
      const stripe = await startFakeStripe()
      const dev = await startDevServer(newDataDir(), {
        secretKey: FAKE_STRIPE_KEY,
        apiBase: stripe.origin,
      })
      try {
        const cookie = await signIn(dev.url)
        const cardUrl = new URL('api/payg/playground/test-card', dev.url)
        const pick = (card: string) =>
          fetch(cardUrl, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ card }),
          })
        const topUp = (key: string) =>
          call<components['schemas']['TopUpResult']>(dev.url, 'top-ups', cookie, {
            method: 'POST',
            headers: { 'idempotency-key': key },
            body: JSON.stringify({ amount: 20 }),
          })
        expect((await pick('visa')).status).toBe(200)
        const paid = await topUp('stripe-1')
        expect(paid.status).toBe(201)
        expect(paid.body.balance).toMatchObject({ balance: '25' })
        // The charge is a PaymentIntent at Stripe, with the kit's key.
        expect(stripe.paymentIntents()).toHaveLength(1)
        expect((await pick('declined')).status).toBe(200)
        const method = await call<{ paymentMethod: { last4: string } }>(
          dev.url,
          'payment-method',
          cookie,
        )
        expect(method.body.paymentMethod).toMatchObject({ last4: '0002' })
        const declined = await topUp('stripe-2')
        expect(declined).toMatchObject({ status: 402, body: { code: 'PAYMENT_DECLINED' } })
        expect((await call<Balance>(dev.url, 'balance', cookie)).body.balance).toBe('25')
      } finally {
        await dev.vite.close()
        await stripe.close()
      }
    },
  )
})
