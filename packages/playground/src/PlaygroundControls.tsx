import { SCENARIO_NAMES, type ScenarioName, scenarios } from '@payg-kit/msw'
import type { PaygUiMessages } from '@payg-kit/ui'
import { loadPaygMessages } from '@payg-kit/ui/locales'
import { type ReactNode, useCallback, useId, useRef, useState } from 'react'
import { PROXY_PATH } from './proxyPath'

/** The locales the playground shows the widgets in: their strings, money, numbers and dates. */
export const LOCALES = [
  { value: 'en-US', label: 'English (United States)', lang: 'en' },
  { value: 'de-DE', label: 'Deutsch (Deutschland)', lang: 'de' },
  { value: 'fr-FR', label: 'Français (France)', lang: 'fr' },
  { value: 'es-ES', label: 'Español (España)', lang: 'es' },
  { value: 'pt-BR', label: 'Português (Brasil)', lang: 'pt-BR' },
  { value: 'ja-JP', label: '日本語 (日本)', lang: 'ja' },
] as const

/** One of `LOCALES`. */
export type Locale = (typeof LOCALES)[number]['value']

/** A locale and the widgets' strings in it, for `PaygProvider`. */
export interface Language {
  locale: Locale
  messages: PaygUiMessages
}

/**
 * The page's language and a way to change it: the locale's catalog is loaded first, then the
 * locale and its strings switch together (a later choice wins over a slower earlier one).
 */
export function useLanguage(initial: Locale): [Language, (locale: Locale) => void] {
  const [language, setLanguage] = useState<Language>({ locale: initial, messages: {} })
  const chosen = useRef(initial)
  const change = useCallback((locale: Locale) => {
    chosen.current = locale
    void loadPaygMessages(locale).then((messages) => {
      if (chosen.current === locale) setLanguage({ locale, messages })
    })
  }, [])
  return [language, change]
}

/** The widgets' colour theme. */
export type Theme = 'light' | 'dark'

/** Props of PlaygroundControls. */
export interface PlaygroundControlsProps {
  /** Live mode has no scenarios: it shows what it talks to instead. */
  live: boolean
  scenario: ScenarioName
  onScenarioChange: (scenario: ScenarioName) => void
  locale: Locale
  onLocaleChange: (locale: Locale) => void
  theme: Theme
  onThemeChange: (theme: Theme) => void
}

/** The playground's own bar (not part of the product page): scenario, locale and theme. */
export function PlaygroundControls({
  live,
  scenario,
  onScenarioChange,
  locale,
  onLocaleChange,
  theme,
  onThemeChange,
}: PlaygroundControlsProps): ReactNode {
  const id = useId()
  return (
    <section className="playground__controls" aria-label="Playground settings">
      <p className="playground__controls-title">payg-kit playground</p>
      {live ? (
        <p className="playground__mode" data-mode="live">
          Live: Leonardo’s API through the dev server’s proxy at <code>{PROXY_PATH}</code>
        </p>
      ) : (
        <div className="playground__control playground__control--scenario">
          <label className="payg-label" htmlFor={`${id}-scenario`}>
            Mock scenario
          </label>
          <select
            id={`${id}-scenario`}
            className="payg-select"
            value={scenario}
            aria-describedby={`${id}-scenario-hint`}
            onChange={(event) => {
              const next = SCENARIO_NAMES.find((name) => name === event.target.value)
              if (next) onScenarioChange(next)
            }}
          >
            {SCENARIO_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <span className="payg-hint" id={`${id}-scenario-hint`}>
            {scenarios[scenario].description}
          </span>
        </div>
      )}
      <div className="playground__control">
        <label className="payg-label" htmlFor={`${id}-locale`}>
          Locale
        </label>
        <select
          id={`${id}-locale`}
          className="payg-select"
          value={locale}
          onChange={(event) => {
            const next = LOCALES.find((option) => option.value === event.target.value)
            if (next) onLocaleChange(next.value)
          }}
        >
          {LOCALES.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="payg-button"
        data-variant="secondary"
        aria-pressed={theme === 'dark'}
        onClick={() => onThemeChange(theme === 'dark' ? 'light' : 'dark')}
      >
        Dark theme
      </button>
    </section>
  )
}
