// A `{name, plural, one {# request} other {# requests}}` argument: its name and its branches,
// each of which may hold `{placeholders}` of its own.
const PLURAL = /\{(\w+), plural,((?:\s*=?\w+\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g
const BRANCH = /(=?\w+)\s*\{((?:[^{}]|\{\w+\})*)\}/g

/**
 * Fills a message template for a locale: `{name}` takes `values.name` as it is; in an ICU-style
 * `{name, plural, =0 {…} one {…} other {…}}` the branch is chosen by `Intl.PluralRules` and
 * `#` becomes the number formatted for the locale.
 */
export function fillMessage(
  template: string,
  values?: Record<string, string | number>,
  locale?: string,
): string {
  if (!values) return template
  return template
    .replace(PLURAL, (match, name: string, branches: string) => {
      const n = Number(values[name])
      if (!(name in values) || Number.isNaN(n)) return match
      const chosen: Record<string, string> = {}
      for (const [, selector, text] of branches.matchAll(BRANCH))
        chosen[selector as string] = text as string
      const text =
        chosen[`=${n}`] ?? chosen[new Intl.PluralRules(locale).select(n)] ?? chosen.other ?? match
      return text.replace(/#/g, new Intl.NumberFormat(locale).format(n))
    })
    .replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match))
}
