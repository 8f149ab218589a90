import type { PaygUiMessages } from '../PaygUiMessages'

/** The locales `@payg-kit/ui` ships a complete catalog for, besides English. */
export const paygLocales = ['de', 'es', 'fr', 'ja', 'pt-BR'] as const

/** A locale `@payg-kit/ui` ships a catalog for. */
export type PaygLocale = (typeof paygLocales)[number]

/** A widget whose strings can be loaded on their own: the name it is exported under. */
export type PaygWidget =
  | 'AutoTopUpSettings'
  | 'BalanceBadge'
  | 'CostCalculator'
  | 'CostTag'
  | 'MigrationPanel'
  | 'PausedBanner'
  | 'SpendChart'
  | 'TopUpForm'
  | 'TransactionHistory'

type Part = () => Promise<{ default: PaygUiMessages }>

// One file per widget and locale, plus the strings every widget shares, so an app loads only the
// strings of the widgets it shows.
const catalogs: Record<PaygLocale, Record<'shared' | PaygWidget, Part>> = {
  de: {
    shared: () => import('./de/shared'),
    AutoTopUpSettings: () => import('./de/autoTopUpSettings'),
    BalanceBadge: () => import('./de/balanceBadge'),
    CostCalculator: () => import('./de/costCalculator'),
    CostTag: () => import('./de/costTag'),
    MigrationPanel: () => import('./de/migrationPanel'),
    PausedBanner: () => import('./de/pausedBanner'),
    SpendChart: () => import('./de/spendChart'),
    TopUpForm: () => import('./de/topUpForm'),
    TransactionHistory: () => import('./de/transactionHistory'),
  },
  es: {
    shared: () => import('./es/shared'),
    AutoTopUpSettings: () => import('./es/autoTopUpSettings'),
    BalanceBadge: () => import('./es/balanceBadge'),
    CostCalculator: () => import('./es/costCalculator'),
    CostTag: () => import('./es/costTag'),
    MigrationPanel: () => import('./es/migrationPanel'),
    PausedBanner: () => import('./es/pausedBanner'),
    SpendChart: () => import('./es/spendChart'),
    TopUpForm: () => import('./es/topUpForm'),
    TransactionHistory: () => import('./es/transactionHistory'),
  },
  fr: {
    shared: () => import('./fr/shared'),
    AutoTopUpSettings: () => import('./fr/autoTopUpSettings'),
    BalanceBadge: () => import('./fr/balanceBadge'),
    CostCalculator: () => import('./fr/costCalculator'),
    CostTag: () => import('./fr/costTag'),
    MigrationPanel: () => import('./fr/migrationPanel'),
    PausedBanner: () => import('./fr/pausedBanner'),
    SpendChart: () => import('./fr/spendChart'),
    TopUpForm: () => import('./fr/topUpForm'),
    TransactionHistory: () => import('./fr/transactionHistory'),
  },
  ja: {
    shared: () => import('./ja/shared'),
    AutoTopUpSettings: () => import('./ja/autoTopUpSettings'),
    BalanceBadge: () => import('./ja/balanceBadge'),
    CostCalculator: () => import('./ja/costCalculator'),
    CostTag: () => import('./ja/costTag'),
    MigrationPanel: () => import('./ja/migrationPanel'),
    PausedBanner: () => import('./ja/pausedBanner'),
    SpendChart: () => import('./ja/spendChart'),
    TopUpForm: () => import('./ja/topUpForm'),
    TransactionHistory: () => import('./ja/transactionHistory'),
  },
  'pt-BR': {
    shared: () => import('./pt-BR/shared'),
    AutoTopUpSettings: () => import('./pt-BR/autoTopUpSettings'),
    BalanceBadge: () => import('./pt-BR/balanceBadge'),
    CostCalculator: () => import('./pt-BR/costCalculator'),
    CostTag: () => import('./pt-BR/costTag'),
    MigrationPanel: () => import('./pt-BR/migrationPanel'),
    PausedBanner: () => import('./pt-BR/pausedBanner'),
    SpendChart: () => import('./pt-BR/spendChart'),
    TopUpForm: () => import('./pt-BR/topUpForm'),
    TransactionHistory: () => import('./pt-BR/transactionHistory'),
  },
}

/**
 * The shipped locale that best serves a BCP 47 tag: the exact tag, else its language
 * (`de-AT` → `de`, `ja-JP` → `ja`, `pt-PT` → `pt-BR`); `undefined` for English and the rest.
 */
export function matchPaygLocale(locale: string): PaygLocale | undefined {
  const tag = locale.replace('_', '-').toLowerCase()
  const language = tag.split('-')[0]
  return (
    paygLocales.find((shipped) => shipped.toLowerCase() === tag) ??
    paygLocales.find((shipped) => shipped.toLowerCase().split('-')[0] === language)
  )
}

// Widgets that can show another inside them, whose strings come along.
const shows: Partial<Record<string, PaygWidget[]>> = { PausedBanner: ['TopUpForm'] }

/**
 * Loads the strings for a locale, on demand, to pass as `PaygProvider`'s `messages`: of every
 * widget, or only of `widgets`; `{}` (the English defaults) when no catalog matches.
 * @example <PaygProvider client={client} locale="de-AT" messages={await loadPaygMessages('de-AT', ['BalanceBadge'])} />
 */
export async function loadPaygMessages(
  locale: string,
  widgets?: readonly PaygWidget[],
): Promise<PaygUiMessages> {
  const names: readonly string[] = widgets ?? Object.keys(catalogs.de)
  // A plain-JS caller can pass any name: say which, rather than fail inside the loader.
  const unknown = names.find((name) => !Object.hasOwn(catalogs.de, name))
  if (unknown !== undefined) {
    throw new RangeError(`[payg-kit] loadPaygMessages: no widget named ${String(unknown)}.`)
  }
  const match = matchPaygLocale(locale)
  if (!match) return {}
  const wanted = new Set(['shared', ...names, ...names.flatMap((name) => shows[name] ?? [])])
  const parts = catalogs[match] as Record<string, Part>
  const loaded = await Promise.all([...wanted].map((part) => (parts[part] as Part)()))
  return Object.assign({}, ...loaded.map((part) => part.default))
}
