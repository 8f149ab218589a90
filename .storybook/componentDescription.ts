/** What react-docgen reads from a component's JSDoc. */
interface Documented {
  __docgenInfo?: { description?: string }
}

/**
 * A component's JSDoc as Markdown for its Docs page: each `@example` becomes a fenced code block
 * (Markdown would otherwise read its JSX as HTML and print fragments of it), and other block
 * tags are left out.
 */
export function componentDescription(component: unknown): string | null {
  const description = (component as Documented | null)?.__docgenInfo?.description
  if (!description) return null
  return toMarkdown(description)
}

/** Turns JSDoc text (without its comment markers) into Markdown with fenced examples. */
export function toMarkdown(jsdoc: string): string {
  const prose: string[] = []
  const examples: string[] = []
  let current: string[] | null = null
  for (const line of jsdoc.split('\n')) {
    const tag = /^\s*@(\w+)\s?(.*)$/.exec(line)
    if (tag) {
      if (current && current.length > 0) examples.push(current.join('\n').trim())
      current = tag[1] === 'example' ? [tag[2] ?? ''] : null
      continue
    }
    if (current) current.push(line)
    else prose.push(line)
  }
  if (current && current.length > 0) examples.push(current.join('\n').trim())
  const blocks = examples.filter(Boolean).map((code) => `\`\`\`tsx\n${code}\n\`\`\``)
  return [prose.join('\n').trim(), ...blocks].filter(Boolean).join('\n\n')
}
