import type { PaygUiCatalog, PaygUiMessages } from '../PaygUiMessages'

/** The locales `@payg-kit/ui` ships a complete catalog for, besides English. */
export const paygLocales = ['de', 'es', 'fr', 'ja', 'pt-BR'] as const

/** A locale `@payg-kit/ui` ships a catalog for. */
export type PaygLocale = (typeof paygLocales)[number]

const catalogs: Record<PaygLocale, () => Promise<{ default: PaygUiCatalog }>> = {
  de: () => import('./de'),
  es: () => import('./es'),
  fr: () => import('./fr'),
  ja: () => import('./ja'),
  'pt-BR': () => import('./pt-BR'),
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

/**
 * Loads the catalog for a locale, on demand, to pass as `PaygProvider`'s `messages`; `{}` (the
 * English defaults) when no catalog matches.
 * @example <PaygProvider client={client} locale="de-AT" messages={await loadPaygMessages('de-AT')} />
 */
export async function loadPaygMessages(locale: string): Promise<PaygUiMessages> {
  const match = matchPaygLocale(locale)
  return match ? (await catalogs[match]()).default : {}
}
