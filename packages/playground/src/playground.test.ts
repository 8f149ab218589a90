import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright'
import { build, createServer as createViteServer } from 'vite'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from '../../../vitest.browser.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const outDir = mkdtempSync(join(tmpdir(), 'payg-playground-'))
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

let server: Server
let origin = ''
let browser: Browser
let context: BrowserContext | undefined

beforeAll(async () => {
  await build({
    root,
    configLoader: 'runner',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  })
  // The built app as a static host serves it, from loopback.
  server = createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '')
    const file = path || 'index.html'
    try {
      const body = readFileSync(join(outDir, file))
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      res.end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await chromium.launch(chromiumLaunchOptions)
})

afterEach(async () => {
  await context?.close()
  context = undefined
})

afterAll(async () => {
  await browser?.close()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  rmSync(outDir, { recursive: true, force: true })
})

/** Opens `url` in a fresh context, collecting page errors and console errors. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  context = await browser.newContext()
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })
  await page.goto(url)
  return { page, problems }
}

describe('the playground on the mock', () => {
  it('renders every widget, wired together, with no errors', async () => {
    const { page, problems } = await open(origin)
    const header = page.getByRole('banner')
    await header.locator('.payg-balance-badge__amount').waitFor()
    expect(await header.locator('.payg-balance-badge').getAttribute('data-state')).toBe('ok')
    await page.getByRole('heading', { level: 1, name: 'Billing' }).waitFor()
    // The note on the backend reads as one sentence: its code flows inline with the words.
    const note = page.locator('.playground__backend[data-backend="mock"]')
    expect(await note.textContent()).toContain('Backend: the mock (@payg-kit/msw, in this tab)')
    expect(
      await note
        .locator('code')
        .evaluateAll((codes) => codes.map((c) => getComputedStyle(c).display)),
    ).toEqual(['inline', 'inline'])
    // The overview answers first: balance in whole cents, state, auto top-up, card.
    const overview = page.getByRole('region', { name: 'Overview' })
    await overview.getByText('Visa •••• 4242').waitFor()
    await overview.getByText('Active').waitFor()
    await overview.getByText('Off', { exact: true }).waitFor()
    expect(await overview.locator('.playground__stat-value').first().textContent()).toMatch(
      /^\$\d+\.\d{2}$/,
    )
    for (const name of [
      'Add credit',
      'Auto top-up',
      'Cost calculator',
      'Try a generation',
      'Spend by service',
      'Transactions',
    ]) {
      await page.getByRole('heading', { level: 2, name }).waitFor()
    }
    await page.locator('.payg-cost-calculator[data-state="ready"]').waitFor()
    await page.locator('.payg-spend-chart[data-state="ready"]').waitFor()
    await page.locator('.payg-transaction-history[data-state="ready"]').waitFor()
    // A PAYG account has nothing to migrate, and is not paused.
    expect(await page.locator('.payg-migration-panel').count()).toBe(0)
    expect(await page.locator('.payg-paused-banner').count()).toBe(0)

    // The planner's suggestion goes to the auto top-up settings.
    await page.getByRole('button', { name: 'Apply to auto top-up' }).click()
    const autoTopUp = page.locator('.payg-auto-top-up-settings')
    await autoTopUp.getByText('Suggested by the planner').waitFor()
    expect(await autoTopUp.getByRole('switch').getAttribute('aria-checked')).toBe('true')
    expect(await autoTopUp.getByLabel('Add this amount').inputValue()).toMatch(/^\d+$/)

    // A generation shows its cost, and its status from GET /generations/{id}.
    await page.getByRole('button', { name: 'Generate', exact: true }).click()
    const job = page.getByRole('list', { name: 'Your generations' }).getByRole('listitem')
    await job.locator('.payg-cost-tag').waitFor()
    expect(await job.locator('.payg-cost-tag').textContent()).toMatch(/^Cost: \$0\.\d+$/)
    await job.getByText('Complete, 1 image').waitFor()

    // Theme and locale.
    await page.getByRole('button', { name: 'Dark theme' }).click()
    expect(
      await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed'),
    ).toBe('true')
    expect(await page.locator('.playground').getAttribute('data-payg-theme')).toBe('dark')
    // The language menu switches the widgets' strings as well as their number formats.
    await page.getByLabel('Locale').selectOption('de-DE')
    await expect
      .poll(() => header.locator('.payg-balance-badge__amount').textContent())
      .toMatch(/^[\d.]+,\d+\s\$$/)
    await page.getByRole('heading', { name: 'Guthaben aufladen' }).waitFor()
    expect(await page.getByRole('heading', { name: 'Add credit' }).count()).toBe(0)
    // The page's own overview follows the same locale.
    const übersicht = page.getByRole('region', { name: 'Übersicht' })
    await übersicht.getByText('Aktiv', { exact: true }).waitFor()
    await übersicht.getByText('Aus', { exact: true }).waitFor()

    // A legacy plan gets the migration panel, and its balance in credits.
    await page.getByLabel('Mock scenario').selectOption('legacySubscription')
    await page
      .locator('.payg-migration-panel')
      .getByText('Zu Pay-as-you-go wechseln')
      .first()
      .waitFor()
    await header.getByText('Tarif-Credits').waitFor()
    // Its usage and history are there, in credits, as the migration panel counts them.
    const chart = page.locator('.payg-spend-chart[data-state="ready"]')
    await chart.getByText('Credits pro Tag').waitFor()
    expect(await chart.textContent()).not.toContain('$')
    const history = page.locator('.payg-transaction-history[data-state="ready"]')
    await history
      .locator('tbody')
      .getByText(/\d Credits$/)
      .first()
      .waitFor()
    expect(await history.locator('tbody').textContent()).not.toContain('$')

    expect(problems).toEqual([])
  })

  it('the page title and the overview speak every locale of the language menu', async () => {
    const { page, problems } = await open(origin)
    const expected = [
      ['de-DE', 'Abrechnung', 'Übersicht', 'Zahlungsmethode', 'Generierung ausprobieren'],
      ['fr-FR', 'Facturation', 'Vue d’ensemble', 'Moyen de paiement', 'Essayer une génération'],
      ['es-ES', 'Facturación', 'Resumen', 'Método de pago', 'Prueba una generación'],
      ['ja-JP', '請求', '概要', '支払い方法', '生成を試す'],
      ['pt-BR', 'Faturamento', 'Visão geral', 'Forma de pagamento', 'Experimente uma geração'],
      ['en-US', 'Billing', 'Overview', 'Payment method', 'Try a generation'],
    ] as const
    await page.getByRole('region', { name: 'Overview' }).getByText('Payment method').waitFor()
    for (const [locale, heading, title, label, generation] of expected) {
      await page.getByLabel('Locale').selectOption(locale)
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor()
      const panel = page.getByRole('region', { name: generation })
      await panel.waitFor()
      if (locale !== 'en-US') {
        const intro = await page.locator('.playground__intro').textContent()
        for (const english of ['API Access', 'Billing', 'balance']) {
          expect(intro, locale).not.toContain(english)
        }
        // The panel's labels, its button and its example prompt.
        const shown = [
          await panel.textContent(),
          await panel.getByRole('textbox').inputValue(),
        ].join(' ')
        for (const english of [/\bModel\b/, /\bGenerate\b/, /lighthouse/]) {
          expect(shown, locale).not.toMatch(english)
        }
      }
      const overview = page.getByRole('region', { name: title })
      await overview.getByText(label, { exact: true }).waitFor()
      // None of the overview's English is left (the card's brand and digits are not words).
      if (locale !== 'en-US') {
        const shown = await overview.textContent()
        for (const english of ['Balance', 'Account', 'Auto top-up', 'Payment method', 'Expires'])
          expect(shown, locale).not.toContain(english)
      }
    }
    expect(problems).toEqual([])
  })

  it('a top-up from the header badge updates the badge', async () => {
    const { page, problems } = await open(`${origin}/?scenario=lowBalance`)
    const badge = page.getByRole('banner').locator('.payg-balance-badge')
    await badge.getByText('$2.45', { exact: true }).waitFor()
    expect(await badge.getAttribute('data-state')).toBe('low')

    // The badge's "Top up" takes the keyboard straight to the amount.
    await badge.getByRole('button', { name: 'Top up' }).click()
    const amount = page.getByLabel('Amount (USD)')
    expect(await amount.evaluate((input) => input === document.activeElement)).toBe(true)
    await page.keyboard.type('50')
    await page.keyboard.press('Enter')

    await badge.getByText('$52.45', { exact: true }).waitFor()
    await expect.poll(() => badge.getAttribute('data-state')).toBe('ok')
    await page.getByText('Added $50. New balance $52.45.').waitFor()
    expect(problems).toEqual([])
  })

  it('a card that asks for 3-D Secure: the test bank declines or approves, charging once', async () => {
    const { page, problems } = await open(`${origin}/?scenario=lowBalance`)
    const badge = page.getByRole('banner').locator('.payg-balance-badge')
    await badge.getByText('$2.45', { exact: true }).waitFor()
    await page.evaluate(() => window.paygMock?.state.setCardAsksAuthentication(true))
    const bank = page.getByRole('dialog', { name: 'Confirm this payment' })

    // The bank's page: a labelled modal dialog, opened on its main action, with no axe violations.
    await page.getByLabel('Amount (USD)').fill('5')
    await page.getByLabel('Amount (USD)').press('Enter')
    await bank.waitFor()
    // It opens on the choice that changes nothing.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Not now')
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core') })
    const violations = await page.evaluate(async () => {
      const { axe } = window as unknown as {
        axe: { run: (context: Element) => Promise<{ violations: Array<{ id: string }> }> }
      }
      const dialog = document.querySelector('dialog[open]') as Element
      return (await axe.run(dialog)).violations.map((violation) => violation.id)
    })
    expect(violations).toEqual([])
    // Not now leaves the payment waiting: nothing is charged, the form offers to confirm it,
    // and the keyboard is back in the form.
    await bank.getByRole('button', { name: 'Not now' }).click()
    await bank.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Confirm payment' }).waitFor()
    expect(await badge.textContent()).toContain('$2.45')
    expect(
      await page.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id,
      ),
    ).toMatch(/amount/)

    // Declined at the bank: the form sends the same top-up again and learns it was refused.
    await page.getByLabel('Amount (USD)').fill('10')
    await page.getByLabel('Amount (USD)').press('Enter')
    await bank.getByRole('button', { name: 'Decline' }).click()
    await bank.waitFor({ state: 'detached' })
    await page.getByText('Your card was declined, so nothing was charged.').waitFor()
    expect(await badge.textContent()).toContain('$2.45')

    // Another amount is a new top-up: approved at the bank, it is credited once.
    await page.getByLabel('Amount (USD)').fill('20')
    await page.getByLabel('Amount (USD)').press('Enter')
    await bank.getByRole('button', { name: 'Approve $20.00' }).click()
    await page.getByText('Added $20. New balance $22.45.').waitFor()
    // The confirmation has the focus the approved form had.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Credit added')
    await badge.getByText('$22.45', { exact: true }).waitFor()
    const topUps = await page.evaluate(() =>
      window.paygMock?.state
        .transactions()
        .filter((entry) => entry.type === 'TOP_UP')
        .map((entry) => entry.amount),
    )
    expect(topUps?.filter((amount) => amount === '20')).toEqual(['20'])
    // Chromium logs each 402 the API answered (checks waiting, a decline): nothing else.
    expect(problems.filter((problem) => !problem.includes('status of 402'))).toEqual([])
  })

  it('every card state leads to the card form: a card added pays, another declines, the first pays again', async () => {
    const { page, problems } = await open(`${origin}/?scenario=noPaymentMethod`)
    const form = page.locator('.payg-top-up-form')
    const badge = page.getByRole('banner').locator('.payg-balance-badge')
    const cards = page.getByRole('dialog', { name: 'Payment method' })
    const balance = async () => page.evaluate(() => window.paygMock?.state.balance())
    await badge.locator('.payg-balance-badge__amount').waitFor()
    const before = await balance()

    // No card on file: the form offers the app's card flow, a labelled modal form, axe-clean.
    await form.getByRole('button', { name: 'Add a card' }).click()
    await cards.waitFor()
    expect(
      await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value),
    ).toBe('visa')
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core') })
    const violations = await page.evaluate(async () => {
      const { axe } = window as unknown as {
        axe: { run: (context: Element) => Promise<{ violations: Array<{ id: string }> }> }
      }
      return (await axe.run(document.querySelector('dialog[open]') as Element)).violations.map(
        (violation) => violation.id,
      )
    })
    expect(violations).toEqual([])
    // Escape keeps things as they were.
    await page.keyboard.press('Escape')
    await cards.waitFor({ state: 'detached' })
    expect(await form.getByRole('button', { name: 'Add a card' }).count()).toBe(1)

    // Saved from the keyboard: every widget shows the card, and a top-up is credited once. The
    // button that opened the form is gone (there is a card now): the keyboard stays in the form.
    await form.getByRole('button', { name: 'Add a card' }).click()
    // The radios are named as a screen reader should say them, not bullet by bullet.
    expect(await cards.getByRole('radio', { name: /Visa ending in 0002/ }).count()).toBe(1)
    await page.keyboard.press('Enter')
    await form.getByText('Pays with Visa ending in 4242').waitFor()
    await cards.waitFor({ state: 'detached' })
    expect(await page.evaluate(() => !!document.activeElement?.closest('.payg-top-up-form'))).toBe(
      true,
    )
    await page.getByLabel('Amount (USD)').fill('10')
    await page.getByLabel('Amount (USD)').press('Enter')
    await form.getByText('Credit added').waitFor()
    expect(Number(await balance())).toBe(Number(before) + 10)

    // Changed to the card that declines: nothing is charged, and the decline offers another card.
    await form.getByRole('button', { name: 'Top up again' }).click()
    await form.getByRole('button', { name: 'Change' }).click()
    await cards.getByLabel(/0002/).check()
    // While the card is being saved, Escape (twice) leaves the dialog up: its answer comes.
    // The refetch that follows the save is held until the test lets it go.
    await page.evaluate(() => {
      const original = window.fetch
      let release = () => {}
      const gate = new Promise<void>((resolve) => {
        release = resolve
      })
      window.fetch = async (...args) => {
        await gate
        return original(...args)
      }
      ;(window as unknown as { releaseSave: () => void }).releaseSave = () => {
        window.fetch = original
        release()
      }
    })
    // Every close of the dialog is counted: not even one that is undone at once may happen.
    await page.evaluate(() => {
      const dialog = document.querySelector('dialog[open]') as HTMLDialogElement
      const counter = window as unknown as { closes: number }
      counter.closes = 0
      dialog.addEventListener('close', () => {
        counter.closes += 1
      })
    })
    await cards.getByRole('button', { name: 'Save card' }).click()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    // A task later, any close the Escapes caused has been reported.
    const closes = await page.evaluate(async () => {
      await new Promise((turn) => setTimeout(turn))
      return (window as unknown as { closes: number }).closes
    })
    expect(closes).toBe(0)
    expect(await cards.isVisible()).toBe(true)
    await page.evaluate(() => (window as unknown as { releaseSave: () => void }).releaseSave())
    await cards.waitFor({ state: 'detached' })
    await form.getByText('Pays with Visa ending in 0002').waitFor()
    await page.getByLabel('Amount (USD)').fill('10')
    await page.getByLabel('Amount (USD)').press('Enter')
    await form.getByText('Your card was declined, so nothing was charged.').waitFor()
    expect(Number(await balance())).toBe(Number(before) + 10)
    await form.getByRole('button', { name: 'Use another card' }).click()
    await cards.getByLabel(/4242/).check()
    await cards.getByRole('button', { name: 'Save card' }).click()
    await form.getByText('Pays with Visa ending in 4242').waitFor()
    await page.getByLabel('Amount (USD)').fill('10')
    await page.getByLabel('Amount (USD)').press('Enter')
    await form.getByText('Credit added').waitFor()
    expect(Number(await balance())).toBe(Number(before) + 20)
    await badge.getByText(`$${(Number(before) + 20).toFixed(2)}`, { exact: true }).waitFor()
    // Chromium logs the 402 of the declined top-up: nothing else.
    expect(problems.filter((problem) => !problem.includes('status of 402'))).toEqual([])
  })

  it('switching the scenario to zeroBalance shows the paused banner', async () => {
    const { page, problems } = await open(origin)
    const badge = page.getByRole('banner').locator('.payg-balance-badge')
    await badge.locator('.payg-balance-badge__amount').waitFor()
    expect(await page.getByText('Requests are paused').count()).toBe(0)

    await page.getByLabel('Mock scenario').selectOption('zeroBalance')
    await page.getByRole('alert').filter({ hasText: 'Requests are paused' }).waitFor()
    await badge.getByText('$0.00', { exact: true }).waitFor()
    expect(await badge.getAttribute('data-state')).toBe('paused')
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('zeroBalance')
    expect(problems).toEqual([])
  })

  it('the overview fills its rows at every width: four, two by two, or one by one', async () => {
    const { page, problems } = await open(origin)
    const tiles = page.locator('.playground__overview .playground__stat')
    await tiles.nth(3).waitFor()
    const layouts: string[] = []
    for (const width of [320, 480, 600, 768, 900, 1024, 1280]) {
      await page.setViewportSize({ width, height: 900 })
      const tops = await tiles.evaluateAll((all) =>
        all.map((tile) => Math.round(tile.getBoundingClientRect().top)),
      )
      // Tiles per row, top to bottom: a row with fewer tiles than the others is a hole.
      const rows = [...new Set(tops)].map((top) => tops.filter((t) => t === top).length)
      layouts.push(`${width}: ${rows.join('+')}`)
    }
    expect(layouts).toEqual([
      '320: 1+1+1+1',
      '480: 1+1+1+1',
      '600: 2+2',
      '768: 2+2',
      '900: 2+2',
      '1024: 4',
      '1280: 4',
    ])
    expect(problems).toEqual([])
  })
})

describe('the playground live, through the proxy', () => {
  it('shows /me and the calculator from upstream, a notice for billing, and never the key', async () => {
    // A stand-in for Leonardo's API that records the Authorization header it receives.
    const received: string[] = []
    const upstream = createServer((req, res) => {
      received.push(`${req.method} ${req.url} ${req.headers.authorization}`)
      res.setHeader('content-type', 'application/json')
      if (req.method === 'GET' && req.url === '/me') {
        res.end(
          JSON.stringify({
            user_details: [
              {
                user: { id: '5b3c1f0e-8a4d-4c2b-9f1e-2d7a6c3b9e01', username: 'studio-artemis' },
                tokenRenewalDate: null,
                paidTokens: 0,
                subscriptionTokens: 150,
                subscriptionGptTokens: 0,
                subscriptionModelTokens: 0,
                apiConcurrencySlots: 10,
                apiSubscriptionTokens: 0,
                apiPaidTokens: 12.4567,
                apiPlanTokenRenewalDate: null,
              },
            ],
          }),
        )
      } else if (req.method === 'POST' && req.url === '/pricing-calculator') {
        req.resume()
        req.on('end', () =>
          res.end(JSON.stringify({ calculateProductionApiServiceCost: { cost: 0.048 } })),
        )
      } else {
        res.statusCode = 404
        res.end(JSON.stringify({ code: 'NOT_FOUND', message: 'No such endpoint' }))
      }
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))

    const saved = { key: process.env.LEONARDO_API_KEY, upstream: process.env.PAYG_UPSTREAM }
    process.env.LEONARDO_API_KEY = 'test-key'
    process.env.PAYG_UPSTREAM = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
    const cacheDir = mkdtempSync(join(tmpdir(), 'payg-playground-vite-'))
    const vite = await createViteServer({
      root,
      configLoader: 'runner',
      logLevel: 'warn',
      cacheDir,
      server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    }).finally(() => {
      // The config has read them; the rest of the process should not see them.
      if (saved.key === undefined) delete process.env.LEONARDO_API_KEY
      else process.env.LEONARDO_API_KEY = saved.key
      if (saved.upstream === undefined) delete process.env.PAYG_UPSTREAM
      else process.env.PAYG_UPSTREAM = saved.upstream
    })
    try {
      await vite.listen()
      const url = vite.resolvedUrls?.local[0]
      if (!url) throw new Error('The dev server has no local URL.')

      context = await browser.newContext()
      context.setDefaultTimeout(15_000)
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console error: ${message.text()}`)
      })
      const bodies: Promise<{ url: string; text: string }>[] = []
      const browserAuthorization: (string | undefined)[] = []
      page.on('response', (response) => {
        bodies.push(
          response
            .text()
            .then((text) => ({ url: response.url(), text }))
            .catch(() => ({ url: response.url(), text: '' })),
        )
        if (response.url().includes('/api/payg/')) {
          browserAuthorization.push(response.request().headers().authorization)
        }
      })
      await page.goto(url)

      await page.getByRole('banner').getByText('$12.45', { exact: true }).waitFor()
      const calculator = page.locator('.payg-cost-calculator')
      await calculator.getByText('$0.048', { exact: true }).first().waitFor()
      // Each billing widget says where Leonardo manages it, with a link, instead of failing.
      await page.getByRole('heading', { name: 'Top-ups are managed in Leonardo' }).waitFor()
      await page.getByRole('heading', { name: 'Transactions are listed in Leonardo' }).waitFor()
      expect(await page.getByRole('link', { name: 'Open API Access' }).count()).toBe(4)
      expect(await page.locator('.payg-top-up-form, .payg-transaction-history').count()).toBe(0)
      expect(await page.getByLabel('Mock scenario').count()).toBe(0)

      expect(received).toContain('GET /me Bearer test-key')
      expect(received).toContain('POST /pricing-calculator Bearer test-key')
      expect(received.every((line) => line.endsWith(' Bearer test-key'))).toBe(true)
      expect(browserAuthorization.length).toBeGreaterThan(0)
      expect(browserAuthorization.every((value) => value === undefined)).toBe(true)

      // Without the page's session cookie, the proxy forwards nothing.
      const before = received.length
      const anonymous = await fetch(new URL('api/payg/me', url))
      expect(anonymous.status).toBe(401)
      const crossSite = await fetch(new URL('api/payg/generations', url), {
        method: 'POST',
        headers: {
          origin: 'https://evil.example',
          'sec-fetch-site': 'cross-site',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'prompt=x',
      })
      expect(crossSite.status).toBe(403)
      expect(received.length).toBe(before)

      const responses = await Promise.all(bodies)
      expect(responses.some((response) => response.url.endsWith('/src/main.tsx'))).toBe(true)
      expect(responses.filter((response) => response.text.includes('test-key'))).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await vite.close()
      upstream.closeAllConnections()
      await new Promise((resolve) => upstream.close(resolve))
      rmSync(cacheDir, { recursive: true, force: true })
    }
  })
})

describe('the playground live against Leonardo only (PAYG_UPSTREAM=leonardo-only)', () => {
  it('reads the balance from /me and prices with the calculator, through a loopback stand-in', async () => {
    const saved = { key: process.env.LEONARDO_API_KEY, upstream: process.env.PAYG_UPSTREAM }
    delete process.env.LEONARDO_API_KEY
    process.env.PAYG_UPSTREAM = 'leonardo-only'
    const cacheDir = mkdtempSync(join(tmpdir(), 'payg-playground-vite-'))
    const vite = await createViteServer({
      root,
      configLoader: 'runner',
      logLevel: 'warn',
      cacheDir,
      server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    }).finally(() => {
      if (saved.key === undefined) delete process.env.LEONARDO_API_KEY
      else process.env.LEONARDO_API_KEY = saved.key
      if (saved.upstream === undefined) delete process.env.PAYG_UPSTREAM
      else process.env.PAYG_UPSTREAM = saved.upstream
    })
    try {
      await vite.listen()
      const url = vite.resolvedUrls?.local[0]
      if (!url) throw new Error('The dev server has no local URL.')
      context = await browser.newContext()
      context.setDefaultTimeout(15_000)
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console error: ${message.text()}`)
      })
      const asked: string[] = []
      page.on('request', (request) => {
        const path = new URL(request.url()).pathname
        if (path.startsWith('/api/payg/')) asked.push(`${request.method()} ${path}`)
      })
      await page.goto(url)

      const amount = page.getByRole('banner').locator('.payg-balance-badge__amount')
      await amount.waitFor()
      expect(await amount.textContent()).toMatch(/^\$\d+\.\d+$/)
      await page
        .locator('.payg-cost-calculator')
        .getByText('$0.048', { exact: true })
        .first()
        .waitFor()
      expect(asked).toContain('GET /api/payg/me')
      expect(asked).toContain('POST /api/payg/pricing-calculator')
      // Told there is no billing extension, the page never asks for it.
      expect(asked.filter((line) => line.includes('/billing'))).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await vite.close()
      rmSync(cacheDir, { recursive: true, force: true })
    }
  })
})
