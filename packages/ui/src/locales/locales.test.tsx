import { describe, expect, it } from 'vitest'
import * as ui from '../index'
import { PausedBanner } from '../PausedBanner/PausedBanner'
import type { PaygUiCatalog } from '../PaygUiMessages'
import { renderWithMock } from '../test/renderWithMock'
import de from './de'
import es from './es'
import fr from './fr'
import { loadPaygMessages, matchPaygLocale, type PaygWidget, paygLocales } from './index'
import ja from './ja'
import ptBR from './pt-BR'

// The entries an app can import directly: `@payg-kit/ui/locales/de` and the rest.
const entries: Record<string, PaygUiCatalog> = { de, es, fr, ja, 'pt-BR': ptBR }

// Every English default, gathered from the exported `…Messages` objects: a key added to any of
// them without a translation fails the tests below.
const english: Record<string, string> = Object.assign(
  {},
  ...Object.entries(ui)
    .filter(([name, value]) => name.endsWith('Messages') && typeof value === 'object')
    .map(([, value]) => value),
)

// The same in every language: placeholders only, names of products and models, and units.
const placeholdersOnly = (text: string) => !/\p{L}/u.test(text.replace(/\{\w+\}/g, ''))
const sameEverywhere = [
  /^costCalculator\.model\./,
  /\.service\.(MOTION_SVD_GENERATION|UNIVERSAL_UPSCALER|UNIVERSAL_UPSCALER_ULTRA)$/,
  /^costCalculator\.field\.(alchemyMode|promptMagic|photoRealMode|isUltra)$/,
  /^costCalculator\.pixels$/,
]
// Words a language shares with English.
const sameWord: Record<string, string[]> = {
  fr: [
    'costCalculator.service',
    'spendChart.legend',
    'spendChart.date',
    'spendChart.total',
    'transactionHistory.title',
    'transactionHistory.filter',
    'transactionHistory.typeColumn',
    'transactionHistory.date',
    'transactionHistory.description',
    'migrationPanel.entryDate',
    'migrationPanel.entryDescription',
  ],
  es: ['spendChart.total'],
  'pt-BR': ['spendChart.total'],
}

// `{name}` placeholders and `{name, plural, …}` arguments, as the widgets fill them.
const PLURAL = /\{(\w+), plural,((?:\s*=?\w+\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g
function parse(text: string) {
  const plurals = new Map<string, string[]>()
  const rest = text.replace(PLURAL, (_match, name: string, branches: string) => {
    plurals.set(
      name,
      [...branches.matchAll(/(=?\w+)\s*\{/g)].map(([, selector]) => selector as string),
    )
    return branches.replace(/(=?\w+)\s*\{((?:[^{}]|\{\w+\})*)\}/g, ' $2 ')
  })
  const placeholders = [...rest.matchAll(/\{(\w+)\}/g)].map(([, name]) => name as string)
  const stray = rest.replace(/\{\w+\}/g, '')
  return {
    names: [...new Set([...plurals.keys(), ...placeholders])].sort(),
    plurals,
    braces: /[{}]/.test(stray),
  }
}

describe.each(paygLocales)('the %s catalog', (locale) => {
  it('translates every widget string, with the same placeholders and valid plurals', async () => {
    const catalog: Record<string, string> = await loadPaygMessages(locale)
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories
    const problems: string[] = []
    for (const [key, source] of Object.entries(english)) {
      const text = catalog[key]
      if (typeof text !== 'string' || text.trim() === '') {
        problems.push(`${key}: missing`)
        continue
      }
      if (
        text === source &&
        !placeholdersOnly(source) &&
        !sameEverywhere.some((pattern) => pattern.test(key)) &&
        !sameWord[locale]?.includes(key)
      ) {
        problems.push(`${key}: left in English`)
      }
      const want = parse(source)
      const got = parse(text)
      if (got.braces) problems.push(`${key}: braces that are not a placeholder or a plural`)
      if (got.names.join() !== want.names.join()) {
        problems.push(`${key}: placeholders {${got.names}} instead of {${want.names}}`)
      }
      for (const name of want.plurals.keys()) {
        if (!got.plurals.has(name)) problems.push(`${key}: {${name}} is not a plural`)
      }
      for (const [name, selectors] of got.plurals) {
        if (!selectors.includes('other')) problems.push(`${key}: {${name}} has no "other"`)
        for (const selector of selectors) {
          if (!selector.startsWith('=') && !categories.includes(selector as never)) {
            problems.push(`${key}: ${locale} has no plural category "${selector}"`)
          }
        }
      }
    }
    for (const key of Object.keys(catalog)) {
      if (!(key in english)) problems.push(`${key}: not a key any widget reads`)
    }
    expect(problems).toEqual([])
  })
})

describe('loadPaygMessages', () => {
  it('picks the closest shipped catalog for a locale', async () => {
    expect(matchPaygLocale('de-AT')).toBe('de')
    expect(matchPaygLocale('ja-JP')).toBe('ja')
    expect(matchPaygLocale('pt-BR')).toBe('pt-BR')
    expect(matchPaygLocale('pt_br')).toBe('pt-BR')
    expect(matchPaygLocale('fr-CA')).toBe('fr')
    expect(matchPaygLocale('es-419')).toBe('es')
    expect(matchPaygLocale('en-US')).toBeUndefined()
    expect(matchPaygLocale('nl-NL')).toBeUndefined()
    expect((await loadPaygMessages('de-CH'))['balanceBadge.label']).toBe('Guthaben')
    expect((await loadPaygMessages('ja-JP'))['balanceBadge.label']).toBe('残高')
  })

  it('loads the strings of one widget with the shared ones, and none of the others', async () => {
    const widgets: PaygWidget[] = ['BalanceBadge', 'CostCalculator', 'TransactionHistory']
    const shared = /^(common|widget|moneyInput|billingNotice)\./
    for (const locale of paygLocales) {
      const all = await loadPaygMessages(locale)
      for (const widget of widgets) {
        const own = `${widget[0]?.toLowerCase()}${widget.slice(1)}.`
        const wanted = Object.keys(english).filter((key) => key.startsWith(own) || shared.test(key))
        const messages = await loadPaygMessages(locale, [widget])
        expect(Object.keys(messages).sort()).toEqual(wanted.sort())
        for (const key of wanted)
          expect(messages[key as keyof typeof messages]).toBe(all[key as keyof typeof all])
      }
      // The whole catalog an app can import directly is the same as every widget's strings.
      expect(entries[locale]).toEqual(all)
    }
  })

  it('loads the strings of a widget shown inside the one asked for', async () => {
    const { screen } = await renderWithMock(<PausedBanner showTopUpForm />, {
      scenario: 'zeroBalance',
      locale: 'de-DE',
      messages: await loadPaygMessages('de-DE', ['PausedBanner']),
    })
    await expect.element(screen.getByRole('alert')).toHaveTextContent('Anfragen pausiert')
    await expect.element(screen.getByRole('heading', { name: 'Guthaben aufladen' })).toBeVisible()
  })

  it('names a widget it has no strings for', async () => {
    for (const locale of ['de', 'en-US']) {
      for (const name of ['Balance', 'toString']) {
        await expect(loadPaygMessages(locale, [name as PaygWidget])).rejects.toThrow(
          new RangeError(`[payg-kit] loadPaygMessages: no widget named ${name}.`),
        )
      }
    }
  })

  it('leaves English and locales without a catalog to the English defaults', async () => {
    expect(await loadPaygMessages('en-GB')).toEqual({})
    expect(await loadPaygMessages('nl')).toEqual({})
  })
})
