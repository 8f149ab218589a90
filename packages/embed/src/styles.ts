// The widgets' styles, as the build splits them: the base (tokens, themes) here in the runtime,
// and each widget's and each shared part's rules (a field, the presets, the switch) in the
// modules that render them, which add them as they load. A page with only the badge carries the
// base and what the badge renders; the full set every rule, once.
import base from '@payg-kit/ui/styles.css'

/** Each text added, with its place in the stylesheet (the base first). */
const texts = new Map<string, number>([[base, -1]])
const sheets = new Map<string, CSSStyleSheet>()

/** Adds rules to what every element's shadow root adopts, once per text, at `rank` in the cascade. */
export function addStyles(css: string, rank: number): void {
  if (!texts.has(css)) texts.set(css, rank)
}

/** The base and every part's rules loaded so far, as constructed style sheets in the stylesheet's order. */
export function styleSheets(): CSSStyleSheet[] {
  return [...texts]
    .sort((a, b) => a[1] - b[1])
    .map(([css]) => {
      let sheet = sheets.get(css)
      if (!sheet) {
        sheet = new CSSStyleSheet()
        sheet.replaceSync(css)
        sheets.set(css, sheet)
      }
      return sheet
    })
}
