// Splits the widgets' stylesheet (packages/ui/src/styles.css, unchanged) by component, at build
// time. A rule goes to the component (a widget, or a primitive such as the switch) whose block
// class its selector names (`.payg-balance-badge`, `.payg-balance-badge__amount`,
// `.payg-balance-badge--low`); a selector naming two goes to the first, the outer one, whose
// code renders the other. Everything else (tokens, themes,
// primitives, keyframes) is the base every element carries. Rules inside `@media`, `@container`
// and `@supports` are split the same way and keep their condition. Each part keeps the source's
// order; the base comes first.

/** `BalanceBadge` -> `payg-balance-badge`. */
export const blockOf = (widget) =>
  `payg-${widget.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}`

/** Where the block (`{...}`) opening at `open` closes, past strings and comments. */
function closing(css, open) {
  let depth = 0
  for (let i = open; i < css.length; i++) {
    const c = css[i]
    if (c === '/' && css[i + 1] === '*') i = css.indexOf('*/', i + 2) + 1
    else if (c === '"' || c === "'") i = endOfString(css, i)
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return i
  }
  throw new Error(`styles.css: a block opened at ${open} never closes`)
}

function endOfString(css, start) {
  for (let i = start + 1; i < css.length; i++) {
    if (css[i] === '\\') i++
    else if (css[i] === css[start]) return i
  }
  throw new Error(`styles.css: a string at ${start} never ends`)
}

/** The statements of a style sheet or group body: `{ prelude, body }` or `{ prelude }` (`;`). */
function statements(css) {
  const found = []
  let i = 0
  while (i < css.length) {
    // Skip whitespace and comments.
    if (/\s/.test(css[i])) {
      i++
      continue
    }
    if (css.startsWith('/*', i)) {
      i = css.indexOf('*/', i + 2) + 2
      continue
    }
    let j = i
    while (j < css.length && css[j] !== '{' && css[j] !== ';') {
      if (css.startsWith('/*', j)) j = css.indexOf('*/', j + 2) + 2
      else if (css[j] === '"' || css[j] === "'") j = endOfString(css, j) + 1
      else j++
    }
    const prelude = css
      .slice(i, j)
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .trim()
    if (css[j] === ';' || j >= css.length) {
      found.push({ prelude })
      i = j + 1
      continue
    }
    const end = closing(css, j)
    found.push({ prelude, body: css.slice(j + 1, end) })
    i = end + 1
  }
  return found
}

/** A selector list split at its top-level commas (not those inside `:is(...)`). */
function selectors(list) {
  const parts = []
  let depth = 0
  let start = 0
  for (let i = 0; i < list.length; i++) {
    const c = list[i]
    if (c === '(' || c === '[') depth++
    else if (c === ')' || c === ']') depth--
    else if (c === '"' || c === "'") i = endOfString(list, i)
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim())
      start = i + 1
    }
  }
  parts.push(list.slice(start).trim())
  return parts
}

const GROUPS = /^@(media|container|supports|layer)\b/

/**
 * @param {string} css the stylesheet's source
 * @param {string[]} widgets the components' names (`BalanceBadge`, `Switch`, ...)
 * @returns {{ base: string, widgets: Record<string, string>, order: Record<string, number> }}
 *   each part's source text (a component without rules has none), and each component's place in
 *   the source: the index of its first rule among the sheet's rules
 */
export function splitStyles(css, widgets) {
  const byBlock = new Map(widgets.map((widget) => [blockOf(widget), widget]))
  /** The widget a selector belongs to, or '' for the base. */
  const ownerOf = (selector) => {
    for (const [, block] of selector.matchAll(/\.(payg-[a-z0-9]+(?:-[a-z0-9]+)*)/g)) {
      const widget = byBlock.get(block)
      if (widget) return widget
    }
    return ''
  }
  /** Part -> the index of its first rule, counting every rule (in groups too) in the source's order. */
  const order = new Map()
  let rules = 0
  /** Part -> its statements' text, in the source's order. */
  const walk = (source) => {
    const parts = new Map()
    const add = (part, text) => {
      if (!order.has(part)) order.set(part, rules)
      parts.set(part, [...(parts.get(part) ?? []), text])
    }
    for (const { prelude, body } of statements(source)) {
      rules++
      if (body === undefined) add('', `${prelude};`)
      else if (GROUPS.test(prelude))
        for (const [part, texts] of walk(body)) add(part, `${prelude}{${texts.join('')}}`)
      else if (prelude.startsWith('@')) add('', `${prelude}{${body}}`)
      else {
        const byPart = new Map()
        for (const selector of selectors(prelude)) {
          const part = ownerOf(selector)
          byPart.set(part, [...(byPart.get(part) ?? []), selector])
        }
        for (const [part, list] of byPart) add(part, `${list.join(',')}{${body}}`)
      }
    }
    return parts
  }
  const parts = walk(css)
  const text = (part) => (parts.get(part) ?? []).join('\n')
  return {
    base: text(''),
    widgets: Object.fromEntries(
      widgets.filter((widget) => parts.has(widget)).map((widget) => [widget, text(widget)]),
    ),
    order: Object.fromEntries(
      widgets.filter((widget) => order.has(widget)).map((widget) => [widget, order.get(widget)]),
    ),
  }
}
