// The widgets' styles, as the build splits them: the base (tokens, themes, primitives) here in
// the runtime, and each widget's own rules in the module of that widget, which adds them as it
// loads. A page with only the badge carries the base and the badge's rules; the full set every
// widget's, once.
import base from '@payg-kit/ui/styles.css'

const texts = new Set<string>([base])
const sheets: CSSStyleSheet[] = []

/** Adds a widget's own rules to what every element's shadow root adopts; once per text. */
export function addStyles(css: string): void {
  texts.add(css)
}

/** The base and every widget's rules loaded so far, as constructed style sheets. */
export function styleSheets(): CSSStyleSheet[] {
  for (const css of [...texts].slice(sheets.length)) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    sheets.push(sheet)
  }
  return sheets
}
