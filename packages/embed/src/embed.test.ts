import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createPaygProxy, toNodeListener } from '@payg-kit/core/proxy'
import { createPaygMock } from '@payg-kit/msw'
import { getResponse } from 'msw'
import { type Browser, chromium, type Locator, type Page } from 'playwright'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { TEST_NOW } from '../../../test/clock'
import { chromiumLaunchOptions } from '../../../vitest.browser.ts'
import { PAYG_ELEMENT_TAGS, type PaygElementTag } from './elements'

const mock = createPaygMock({ scenario: 'lowBalance', now: TEST_NOW })
const proxy = toNodeListener(
  createPaygProxy({
    apiKey: 'server-side-key',
    basePath: '/api/payg',
    // The test page has no sign-in: its one visitor is the test.
    authorize: () => true,
    // The proxy's upstream is the mock, answered in process.
    fetch: async (request) =>
      (await getResponse(mock.handlers, request)) ?? new Response(null, { status: 404 }),
  }),
)

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Billing</title>
    <style>
      /* A host page's aggressive styles must not reach into the widgets. */
      * { color: rgb(255, 0, 0) !important; font-family: serif; }
      .payg-balance-badge { display: none; }
    </style>
    <script type="module" src="/payg-embed.js"></script>
  </head>
  <body>
    <main>
      <h1>API access</h1>
      <payg-balance-badge base-url="/api/payg" id="badge-1"></payg-balance-badge>
      <payg-balance-badge base-url="/api/payg" id="badge-2" theme="dark"></payg-balance-badge>
      <payg-top-up-form base-url="/api/payg" presets="5, 20, 40"></payg-top-up-form>
      <payg-cost-tag amount="0.048" unit="DOLLARS"></payg-cost-tag>
    </main>
    <script>
      window.paygEvents = []
      for (const name of ['payg-top-up-success', 'payg-top-up-click']) {
        document.addEventListener(name, (event) => window.paygEvents.push({ name, detail: event.detail }))
      }
    </script>
  </body>
</html>`

/** What the build prints with `--json`: each entry and every file it imports. */
interface BuiltEntry {
  name: string
  files: string[]
  gzip: number
}

/** A page that loads only the given entries, with the given elements. */
const elementPage = (scripts: string[], body: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Billing</title>
    ${scripts.map((src) => `<script type="module" src="/${src}"></script>`).join('\n    ')}
  </head>
  <body>
    ${body}
  </body>
</html>`

let server: Server
let origin = ''
let browser: Browser
let outdir = ''
let built: BuiltEntry[] = []
/** Page path -> HTML, for pages beyond the full set's. */
const pages = new Map<string, string>()

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'payg-embed-'))
  const printed = execFileSync(
    'node',
    [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url)), '--outdir', outdir, '--json'],
    { encoding: 'utf8' },
  )
  built = (JSON.parse(printed) as { entries: BuiltEntry[] }).entries
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname.startsWith('/api/payg/')) return void proxy(req, res)
    if (url.pathname.endsWith('.js')) {
      const file = join(outdir, normalize(url.pathname))
      if (!file.startsWith(outdir) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404)
        return void res.end()
      }
      res.writeHead(200, { 'content-type': 'text/javascript' })
      return void res.end(readFileSync(file))
    }
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end(pages.get(url.pathname) ?? PAGE)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await chromium.launch(chromiumLaunchOptions)
})

afterEach(() => mock.reset('lowBalance'))

afterAll(async () => {
  await browser?.close()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
})

/** What a widget shows: the text of its shadow root. */
const shown = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => element.shadowRoot?.textContent ?? '')

/** The scripts each page fetched, as paths in the build (`balance-badge.js`, `chunks/...`). */
const fetchedScripts = new WeakMap<Page, string[]>()

/** A fresh browser context per check, so no state leaks from one to the next. */
async function open(path = '/'): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const errors: string[] = []
  const fetched: string[] = []
  fetchedScripts.set(page, fetched)
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (pathname.endsWith('.js')) fetched.push(pathname.slice(1))
  })
  await page.goto(origin + path)
  expect(errors).toEqual([])
  return page
}

/** Sets `element.onManagePaymentMethod` to a card flow that counts its calls; reads the count. */
async function withCardFlow(element: Locator): Promise<() => Promise<number>> {
  await element.evaluate((target) => {
    let calls = 0
    Object.assign(target, {
      onManagePaymentMethod: () => {
        calls += 1
      },
      cardFlowCalls: () => calls,
    })
  })
  return () =>
    element.evaluate((target) =>
      (target as unknown as { cardFlowCalls: () => number }).cardFlowCalls(),
    )
}

/** The tags of the elements registered in the page. */
const registered = (page: Page) =>
  page.evaluate(
    (tags) => tags.filter((tag) => customElements.get(tag)),
    PAYG_ELEMENT_TAGS as readonly string[],
  )

describe('the embed script on a plain HTML page', () => {
  it('registers the widgets, and they show the balance from the proxy', async () => {
    const page = await open()
    const badge = page.locator('#badge-1')
    await expect
      .poll(() => badge.locator('.payg-balance-badge__amount').textContent())
      .toBe('$2.45')
    // Whole cents rounded down, every digit a hover away.
    expect(
      await badge.locator('.payg-balance-badge__amount .payg-amount').getAttribute('title'),
    ).toBe('$2.4567')
    expect(await page.evaluate(() => typeof window.React)).toBe('undefined')
    const defined = await page.evaluate(() =>
      [
        'payg-balance-badge',
        'payg-top-up-form',
        'payg-auto-top-up-settings',
        'payg-cost-calculator',
        'payg-paused-banner',
        'payg-transaction-history',
        'payg-spend-chart',
        'payg-migration-panel',
        'payg-cost-tag',
      ].every((tag) => customElements.get(tag)),
    )
    expect(defined).toBe(true)
    await page.context().close()
  })

  it("isolates the widgets' styles from the page's", async () => {
    const page = await open()
    const amount = page.locator('#badge-1 .payg-balance-badge__amount')
    await expect.poll(() => amount.textContent()).toBe('$2.45')
    const style = await amount.evaluate((element) => {
      const computed = getComputedStyle(element)
      return {
        color: computed.color,
        display: getComputedStyle(element.parentElement as Element).display,
      }
    })
    expect(style.display).toBe('inline-flex')
    expect(style.color).not.toBe('rgb(255, 0, 0)')
    // The dark badge takes the dark theme inside its own shadow root.
    const dark = await page
      .locator('#badge-2 .payg-balance-badge__amount')
      .evaluate((element) => getComputedStyle(element).color)
    expect(dark).not.toBe(style.color)
    await page.context().close()
  })

  it('tops up from the form: one charge, an event out, and every badge updates', async () => {
    const page = await open()
    await expect
      .poll(() => page.locator('#badge-2 .payg-balance-badge__amount').textContent())
      .toBe('$2.45')
    const form = page.locator('payg-top-up-form')
    await form.getByRole('radio', { name: '$20' }).check()
    const submit = form.getByRole('button', { name: /add|top up/i })
    // The top-up is held until both clicks are in, however fast the machine answers.
    const release = mock.hold('createTopUp')
    await submit.dblclick()
    release()
    await expect
      .poll(() => page.locator('#badge-1 .payg-balance-badge__amount').textContent())
      .toBe('$22.45')
    await expect
      .poll(() => page.locator('#badge-2 .payg-balance-badge__amount').textContent())
      .toBe('$22.45')
    const events = await page.evaluate(
      () =>
        (
          window as unknown as {
            paygEvents: Array<{ name: string; detail: { topUp: { amount: { amount: string } } } }>
          }
        ).paygEvents,
    )
    expect(events.filter((event) => event.name === 'payg-top-up-success')).toHaveLength(1)
    expect(events[0]?.detail.topUp.amount.amount).toBe('20')
    expect(mock.requestCount('createTopUp')).toBe(1)
    expect(mock.state.balance()).toBe('22.4567')
    await page.context().close()
  })

  it("runs the page's 3-D Secure step and card flow, set as properties of the form", async () => {
    mock.state.setCardAsksAuthentication(true)
    const page = await open()
    // The page's bank step settles once the cardholder approves (here, the test, in Node).
    await page.exposeFunction('approveAtBank', (clientSecret: string) =>
      mock.state.authenticatePayment(clientSecret, 'succeed'),
    )
    const form = page.locator('payg-top-up-form')
    await form.getByRole('radio', { name: '$20' }).waitFor()
    // No card flow given: no "Change" to lead nowhere.
    expect(await form.getByRole('button', { name: 'Change' }).count()).toBe(0)
    const cardFlows = await withCardFlow(form)
    await form.evaluate((element) => {
      const page = window as unknown as { approveAtBank: (clientSecret: string) => Promise<void> }
      Object.assign(element, {
        onAuthenticatePayment: ({ clientSecret }: { clientSecret: string }) =>
          page.approveAtBank(clientSecret),
      })
    })
    await form.getByRole('button', { name: 'Change' }).click()
    expect(await cardFlows()).toBe(1)
    await form.getByRole('radio', { name: '$20' }).check()
    await form.getByRole('button', { name: 'Add $20' }).click()
    await expect
      .poll(() => page.locator('#badge-1 .payg-balance-badge__amount').textContent())
      .toBe('$22.45')
    expect(mock.state.balance()).toBe('22.4567')
    const credited = mock.state.transactions().filter((entry) => entry.type === 'TOP_UP')
    expect(credited.filter((entry) => entry.amount === '20')).toHaveLength(1)
    await page.context().close()
  })

  it("hands the paused banner's form and auto top-up the page's card flow", async () => {
    pages.set(
      '/paused',
      elementPage(
        ['payg-embed.js'],
        `<payg-paused-banner base-url="/api/payg" show-top-up-form></payg-paused-banner>
         <payg-auto-top-up-settings base-url="/api/payg" manage-payment-method-href="/account/cards"></payg-auto-top-up-settings>`,
      ),
    )
    mock.reset('zeroBalance')
    const page = await open('/paused')
    const banner = page.locator('payg-paused-banner')
    await banner.getByRole('radio', { name: '$25' }).waitFor()
    expect(await banner.getByRole('button', { name: 'Change' }).count()).toBe(0)
    const cardFlows = await withCardFlow(banner)
    await banner.getByRole('button', { name: 'Change' }).click()
    expect(await cardFlows()).toBe(1)
    await page.context().close()

    // Auto top-up turned off after declines offers the page's card settings, from the attribute.
    mock.reset('paymentDeclined')
    const declined = await open('/paused')
    const settings = declined.locator('payg-auto-top-up-settings')
    await expect
      .poll(() => settings.getByRole('link', { name: /card/i }).getAttribute('href'))
      .toBe('/account/cards')
    await declined.context().close()
  })

  it('maps attributes and properties to props, and re-renders when they change', async () => {
    const page = await open()
    const tag = page.locator('payg-cost-tag')
    await expect.poll(() => shown(page, 'payg-cost-tag')).toContain('$0.048')
    await tag.evaluate((element) => element.setAttribute('amount', '0.5'))
    await expect.poll(() => shown(page, 'payg-cost-tag')).toContain('$0.50')
    await tag.evaluate((element) => {
      ;(element as unknown as { cost: unknown }).cost = { amount: '40', unit: 'CREDITS' }
    })
    await expect.poll(() => shown(page, 'payg-cost-tag')).toContain('40 credits')
    const form = page.locator('payg-top-up-form')
    await expect.poll(() => form.getByRole('radio', { name: '$40' }).count()).toBe(1)
    await form.evaluate((element) => element.setAttribute('presets', '7, 9'))
    await expect.poll(() => form.getByRole('radio', { name: '$9' }).count()).toBe(1)
    expect(await form.getByRole('radio', { name: '$40' }).count()).toBe(0)
    await page.context().close()
  })

  it('refuses an API key in the page', async () => {
    const page = await open()
    const messages: string[] = []
    page.on('console', (message) => messages.push(message.text()))
    await page.evaluate(() => {
      const badge = document.createElement('payg-balance-badge')
      badge.setAttribute('api-key', 'sk_live_oops')
      badge.id = 'leaky'
      document.body.append(badge)
    })
    await expect.poll(() => shown(page, '#leaky')).toContain('misconfigured')
    expect(messages.join('\n')).toMatch(/never takes an API key/)
    await page.context().close()
  })

  it('styles every element with its own rules in the full set', async () => {
    pages.set(
      '/every-element',
      elementPage(
        ['payg-embed.js'],
        PAYG_ELEMENT_TAGS.map(
          (tag) => `<${tag} base-url="/api/payg"${ALONE[tag].markup}></${tag}>`,
        ).join('\n'),
      ),
    )
    mock.reset('zeroBalance')
    const page = await open('/every-element')
    for (const tag of PAYG_ELEMENT_TAGS) {
      await expect
        .poll(() => page.locator(tag).locator(`.${tag}`).count(), { message: tag })
        .toBeGreaterThan(0)
      expect(await ownStyle(page, tag, tag), tag).toBe(OWN_RULE[tag][1])
    }
    await page.context().close()
  })

  it("passes the planner's suggestion to auto top-up settings through an event and a property", async () => {
    const page = await open()
    await page.evaluate(() => {
      const calculator = document.createElement('payg-cost-calculator')
      const settings = document.createElement('payg-auto-top-up-settings')
      document.body.append(calculator, settings)
      document.addEventListener('payg-apply-suggestion', (event) => {
        ;(settings as unknown as { suggestion: unknown }).suggestion = (event as CustomEvent).detail
      })
    })
    const apply = page
      .locator('payg-cost-calculator')
      .getByRole('button', { name: 'Apply to auto top-up' })
    await apply.click()
    const settings = page.locator('payg-auto-top-up-settings')
    await expect
      .poll(() => shown(page, 'payg-auto-top-up-settings'))
      .toContain('Suggested by the planner')
    const threshold = await settings.getByLabel('When the balance falls below').inputValue()
    expect(Number(threshold)).toBeGreaterThanOrEqual(5)
    await page.context().close()
  })
})

/**
 * Each element's entry, alone on a page: the markup, the scenario the mock answers with, and
 * what its shadow root shows once it has its data.
 */
const ALONE: Record<PaygElementTag, { markup: string; scenario?: 'zeroBalance'; shows: RegExp }> = {
  'payg-balance-badge': { markup: '', shows: /\$2\.45/ },
  'payg-top-up-form': { markup: ' presets="5, 20, 40"', shows: /\$40.*Current balance\$2\.45/ },
  'payg-auto-top-up-settings': { markup: '', shows: /Last automatic top-up/ },
  'payg-cost-calculator': { markup: '', shows: /Cost calculator.*\$\d/ },
  'payg-paused-banner': { markup: '', scenario: 'zeroBalance', shows: /Requests are paused/ },
  'payg-transaction-history': { markup: ' page-size="5"', shows: /Balance after.*Usage/ },
  'payg-spend-chart': {
    markup: ' days="60" granularity="MONTH"',
    shows: /Total spend\$\d.*Month \(UTC\)/,
  },
  'payg-migration-panel': { markup: '', shows: /on pay-as-you-go/ },
  'payg-cost-tag': { markup: ' amount="0.048" unit="DOLLARS"', shows: /\$0\.048/ },
}

/**
 * A rule of each widget's own (not the base's): the widget's root, `.payg-<widget>`, has this
 * computed style only when that widget's rules reached its shadow root.
 */
const OWN_RULE: Record<PaygElementTag, [property: string, value: string]> = {
  'payg-balance-badge': ['display', 'inline-flex'],
  'payg-top-up-form': ['container-name', 'payg-top-up'],
  'payg-auto-top-up-settings': ['container-name', 'payg-auto-top-up'],
  'payg-cost-calculator': ['container-type', 'inline-size'],
  'payg-paused-banner': ['container-name', 'payg-paused'],
  'payg-transaction-history': ['container-type', 'inline-size'],
  'payg-spend-chart': ['container-type', 'inline-size'],
  'payg-migration-panel': ['container-name', 'payg-migration'],
  'payg-cost-tag': ['display', 'inline-flex'],
}

/** The computed style of the widget's root in the element's shadow root. */
const ownStyle = (page: Page, selector: string, tag: PaygElementTag) =>
  page
    .locator(selector)
    .locator(`.${tag}`)
    .first()
    .evaluate(
      (element, property) => getComputedStyle(element).getPropertyValue(property),
      OWN_RULE[tag][0],
    )

/** Every selector in the style sheets the element's shadow root adopted, at any depth. */
const adoptedSelectors = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const found: string[] = []
    const walk = (rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSStyleRule) found.push(rule.selectorText)
        if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules)
      }
    }
    for (const sheet of element.shadowRoot?.adoptedStyleSheets ?? []) walk(sheet.cssRules)
    return found
  })

/** An element's entry in the build: `payg-balance-badge` is `balance-badge.js`. */
const entryOf = (tag: PaygElementTag) => `${tag.slice('payg-'.length)}.js`
const builtEntry = (name: string): BuiltEntry => {
  const entry = built.find((candidate) => candidate.name === name)
  if (!entry) throw new Error(`the build has no ${name}`)
  return entry
}

describe("each element's own entry", () => {
  it.each(PAYG_ELEMENT_TAGS)(
    '%s: registers only its element, fetches only its files, and shows its data',
    async (tag) => {
      const { markup, scenario, shows } = ALONE[tag]
      if (scenario) mock.reset(scenario)
      const entry = builtEntry(entryOf(tag))
      pages.set(
        `/alone/${tag}`,
        elementPage([entry.name], `<${tag} base-url="/api/payg"${markup}></${tag}>`),
      )
      const page = await open(`/alone/${tag}`)
      expect(await registered(page)).toEqual([tag])
      // The entry and the chunks it imports, nothing else: no other element's entry, not the
      // full set.
      expect([...new Set(fetchedScripts.get(page))].sort()).toEqual(entry.files)
      await expect.poll(() => shown(page, tag)).toMatch(shows)
      expect(await shown(page, tag)).not.toMatch(/could not be shown|misconfigured/)
      // Styled by its own rules, without another widget's: the chart's for every other element,
      // the calculator's for the chart.
      expect(await ownStyle(page, tag, tag)).toBe(OWN_RULE[tag][1])
      const foreign = tag === 'payg-spend-chart' ? 'payg-cost-calculator' : 'payg-spend-chart'
      const selectors = await adoptedSelectors(page, tag)
      expect(selectors.some((selector) => selector.includes(`.${tag}`))).toBe(true)
      expect(selectors.filter((selector) => selector.includes(`.${foreign}`))).toEqual([])
      await page.context().close()
    },
  )

  it("loads the badge without the other elements' files", () => {
    const badge = builtEntry('balance-badge.js')
    const full = builtEntry('payg-embed.js')
    expect(badge.files).not.toContain('payg-embed.js')
    for (const tag of PAYG_ELEMENT_TAGS.filter((other) => other !== 'payg-balance-badge'))
      expect(badge.files).not.toContain(entryOf(tag))
    // The full set and every element import one runtime: the files they have in common.
    const runtime = full.files.filter((file) => badge.files.includes(file))
    expect(runtime.length).toBeGreaterThan(0)
    for (const tag of PAYG_ELEMENT_TAGS) {
      const shared = builtEntry(entryOf(tag)).files.filter((file) => full.files.includes(file))
      expect(shared).toEqual(expect.arrayContaining(runtime))
      // Beyond the runtime, only a chunk that code loaded on demand shares with the widget (the
      // decimal helper TransactionHistory and its CSV export both use), never an entry.
      expect(
        shared.filter((file) => !runtime.includes(file) && !file.startsWith('chunks/')),
      ).toEqual([])
    }
    expect(badge.gzip).toBeLessThan(full.gzip)
  })

  it("carries each widget's rules once in the full set, and only its own in an element's files", () => {
    const text = (files: string[]) => files.map((file) => readFileSync(join(outdir, file), 'utf8'))
    const full = text(builtEntry('payg-embed.js').files).join('\n')
    for (const tag of PAYG_ELEMENT_TAGS) {
      const rule = `.${tag}{`
      expect(full.split(rule).length - 1, rule).toBe(1)
    }
    const badge = text(builtEntry('balance-badge.js').files).join('\n')
    expect(badge.split('.payg-balance-badge{').length - 1).toBe(1)
    expect(badge).not.toContain('.payg-spend-chart')
    expect(badge).not.toContain('.payg-top-up-form')
  })

  it("styles the primitives an element renders, which the badge's files do not carry", async () => {
    const badge = builtEntry('balance-badge.js')
      .files.map((file) => readFileSync(join(outdir, file), 'utf8'))
      .join('\n')
    expect(badge).not.toContain('.payg-switch')
    expect(badge).not.toContain('.payg-money-input')
    // Nor the fields, the presets or the facts, which the badge never renders.
    for (const part of [
      '.payg-field{',
      '.payg-input{',
      '.payg-select{',
      '.payg-segmented{',
      '.payg-facts{',
    ])
      expect(badge, part).not.toContain(part)
    pages.set(
      '/primitives',
      elementPage(
        ['auto-top-up-settings.js', 'top-up-form.js'],
        '<payg-auto-top-up-settings base-url="/api/payg"></payg-auto-top-up-settings><payg-top-up-form base-url="/api/payg"></payg-top-up-form>',
      ),
    )
    const page = await open('/primitives')
    // Both rules centre their items (`normal` unstyled).
    const alignItems = (host: string, selector: string) =>
      page
        .locator(host)
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).alignItems)
    await expect.poll(() => alignItems('payg-auto-top-up-settings', '.payg-switch')).toBe('center')
    await expect.poll(() => alignItems('payg-top-up-form', '.payg-money-input')).toBe('center')
    // The presets are styled as one row of buttons (a grid, not a fieldset's block), and a
    // widget's rule still wins over a part's it refines, as in the stylesheet: the form's
    // balances in bold, not the facts' medium weight.
    const style = (host: string, selector: string, property: 'display' | 'fontWeight') =>
      page
        .locator(host)
        .locator(selector)
        .first()
        .evaluate((element, name) => getComputedStyle(element)[name], property)
    await expect.poll(() => style('payg-top-up-form', '.payg-segmented', 'display')).toBe('grid')
    await expect
      .poll(() => style('payg-top-up-form', '.payg-top-up-form__balances dd', 'fontWeight'))
      .toBe('600')
    await page.context().close()
  })

  it.each([
    {
      scripts: ['balance-badge.js', 'top-up-form.js'],
      tags: ['payg-balance-badge', 'payg-top-up-form'],
    },
    // An element's script next to the full set: the badge from its own script, the form from the
    // full set, over the one runtime both import.
    { scripts: ['balance-badge.js', 'payg-embed.js'], tags: [...PAYG_ELEMENT_TAGS] },
  ])(
    'shares one runtime and one cache between $scripts.0 and $scripts.1: a top-up in the form updates the badge',
    async ({ scripts, tags }) => {
      const path = `/together/${scripts.map((script) => script.replace('.js', '')).join('+')}`
      pages.set(
        path,
        elementPage(
          scripts,
          '<payg-balance-badge base-url="/api/payg"></payg-balance-badge><payg-top-up-form base-url="/api/payg" presets="5, 20"></payg-top-up-form>',
        ),
      )
      const page = await open(path)
      expect(await registered(page)).toEqual(tags)
      const amount = page.locator('payg-balance-badge .payg-balance-badge__amount')
      await expect.poll(() => amount.textContent()).toBe('$2.45')
      const form = page.locator('payg-top-up-form')
      await form.getByRole('radio', { name: '$20' }).check()
      await form.getByRole('button', { name: /add|top up/i }).click()
      await expect.poll(() => amount.textContent()).toBe('$22.45')
      // The badge's balance came from the cache the form updated, not from a second runtime.
      expect(mock.state.balance()).toBe('22.4567')
      await page.context().close()
    },
  )
})

describe('an element the page treats roughly', () => {
  it('keeps properties the page set before the script upgraded the element', async () => {
    // The module script runs after the page is parsed: an inline script before it sets
    // properties on elements that are not custom elements yet.
    pages.set(
      '/early-properties',
      elementPage(
        ['payg-embed.js'],
        `<payg-top-up-form base-url="/api/payg" id="early"></payg-top-up-form>
         <script>
           const early = document.getElementById('early')
           early.presets = [7, 9]
           early.messages = { 'topUpForm.title': 'Buy credit' }
         </script>`,
      ),
    )
    const page = await open('/early-properties')
    const form = page.locator('#early')
    await expect.poll(() => form.getByRole('radio', { name: '$9' }).count()).toBe(1)
    expect(await form.getByRole('radio', { name: '$10', exact: true }).count()).toBe(0)
    expect(await shown(page, '#early')).toContain('Buy credit')
    // Still live properties: a later change re-renders.
    await form.evaluate((element) => {
      ;(element as unknown as { presets: number[] }).presets = [11]
    })
    await expect.poll(() => form.getByRole('radio', { name: '$11' }).count()).toBe(1)
    await page.context().close()
  })

  it('keeps what the user typed when the page moves the element, and renders again when re-added', async () => {
    pages.set(
      '/moved',
      elementPage(
        ['payg-embed.js'],
        '<div id="a"><payg-top-up-form base-url="/api/payg"></payg-top-up-form></div><div id="b"></div>',
      ),
    )
    const page = await open('/moved')
    const form = page.locator('payg-top-up-form')
    const amount = form.getByLabel('Amount (USD)')
    await amount.fill('37')
    // Moved to another container in one go (a drag and drop, a framework's reorder).
    await page.evaluate(() => {
      document.getElementById('b')?.append(document.querySelector('payg-top-up-form') as Node)
    })
    await expect.poll(() => page.locator('#b payg-top-up-form').count()).toBe(1)
    expect(await amount.inputValue()).toBe('37')
    // Removed, then added back later: shown again.
    await page.evaluate(async () => {
      const element = document.querySelector('payg-top-up-form') as Element
      element.remove()
      await new Promise((resolve) => setTimeout(resolve, 50))
      document.getElementById('a')?.append(element)
    })
    await expect.poll(() => form.getByRole('radio', { name: '$10', exact: true }).count()).toBe(1)
    await page.context().close()
  })

  it('reads a number attribute it cannot read as absent, rather than failing the widget', async () => {
    pages.set(
      '/odd-attributes',
      elementPage(
        ['payg-embed.js'],
        `<payg-balance-badge base-url="/api/payg" low-threshold="abc"></payg-balance-badge>
         <payg-top-up-form base-url="/api/payg" min="five" presets="10, abc, 20"></payg-top-up-form>
         <payg-transaction-history base-url="/api/payg" page-size="abc"></payg-transaction-history>
         <payg-spend-chart base-url="/api/payg" days="many"></payg-spend-chart>`,
      ),
    )
    const page = await open('/odd-attributes')
    await expect.poll(() => shown(page, 'payg-balance-badge')).toContain('$2.45')
    await expect
      .poll(() => page.locator('payg-top-up-form').getByRole('radio', { name: '$20' }).count())
      .toBe(1)
    await expect.poll(() => shown(page, 'payg-transaction-history')).toMatch(/Balance after/)
    await expect.poll(() => shown(page, 'payg-spend-chart')).toMatch(/Total spend/)
    for (const tag of [
      'payg-balance-badge',
      'payg-top-up-form',
      'payg-transaction-history',
      'payg-spend-chart',
    ]) {
      expect(await shown(page, tag), tag).not.toMatch(/could not be shown/)
    }
    await page.context().close()
  })

  it('formats in the browser’s locale when the locale attribute is empty or no locale', async () => {
    pages.set(
      '/odd-locale',
      elementPage(
        ['payg-embed.js'],
        `<payg-balance-badge base-url="/api/payg" id="empty" locale=""></payg-balance-badge>
         <payg-balance-badge base-url="/api/payg" id="markup" locale="<script>"></payg-balance-badge>
         <payg-balance-badge base-url="/api/payg" id="posix" locale="de_DE"></payg-balance-badge>`,
      ),
    )
    const page = await open('/odd-locale')
    await expect.poll(() => shown(page, '#empty')).toContain('$2.45')
    await expect.poll(() => shown(page, '#markup')).toContain('$2.45')
    // A POSIX-style locale, as servers often store it, read as the BCP 47 tag it means.
    await expect.poll(() => shown(page, '#posix')).toContain('2,45')
    await page.context().close()
  })
})
