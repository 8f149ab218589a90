import { createPaygClient, type PaygClient } from '@payg-kit/core'
import { type PaygMessages, PaygProvider } from '@payg-kit/react'
import { QueryClient } from '@tanstack/react-query'
import type { ComponentType } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { styleSheets } from './styles'

/** How an attribute's text becomes a prop. */
export type AttributeType = 'string' | 'number' | 'boolean' | 'numbers'

/** One custom element: its tag, the widget, its attributes and the events it dispatches. */
export interface WidgetDefinition {
  tag: string
  // biome-ignore lint/suspicious/noExplicitAny: each widget has its own props
  component: ComponentType<any>
  /** `kebab-attribute` -> [camelProp, type]. */
  attributes?: Record<string, readonly [string, AttributeType]>
  /** Props settable only as properties (objects): `element.suggestion = { threshold, amount }`. */
  properties?: readonly string[]
  /** `onCallbackProp` -> `payg-event-name` (a CustomEvent whose detail is the callback's argument). */
  events?: Record<string, string>
  /** Turns the mapped attributes into the widget's props, where they differ. */
  toProps?: (props: Record<string, unknown>) => Record<string, unknown> | null
  /** CSS display of the host element. Default `block`. */
  display?: 'block' | 'inline-block'
}

// Widgets on one page that talk to the same proxy share one client and one cache, so a top-up
// in one updates the balance in every other.
const shared = new Map<string, { client: PaygClient; queryClient: QueryClient }>()
function sharedFor(baseUrl: string) {
  let entry = shared.get(baseUrl)
  if (!entry) {
    entry = { client: createPaygClient({ baseUrl }), queryClient: new QueryClient() }
    shared.set(baseUrl, entry)
  }
  return entry
}

/** A number written in an attribute, or undefined for one that is none ("", "abc", "Infinity"). */
function toNumber(text: string): number | undefined {
  const number = Number(text)
  return text.trim() !== '' && Number.isFinite(number) ? number : undefined
}

// As HTML reads its own attributes, a value that does not parse is as if absent: the widget's
// default, never a NaN that fails the widget.
function parse(value: string | null, type: AttributeType): unknown {
  if (value === null) return undefined
  if (type === 'boolean') return value !== 'false'
  if (type === 'number') return toNumber(value)
  if (type === 'numbers')
    return value
      .split(/[\s,]+/)
      .map(toNumber)
      .filter((number) => number !== undefined)
  return value
}

const COMMON_ATTRIBUTES = ['base-url', 'locale', 'theme', 'api-key']

/**
 * Registers `definition.tag` as a custom element that renders the widget in a shadow root
 * (styles isolated from the page), maps attributes and properties to props and callbacks to
 * DOM events. Configured with a proxy's URL (`base-url`, default `/api/payg`), never an API key.
 */
export function defineWidget(definition: WidgetDefinition): void {
  if (customElements.get(definition.tag)) return
  const attributes = definition.attributes ?? {}
  const events = definition.events ?? {}
  const propNames = [
    ...Object.values(attributes).map(([prop]) => prop),
    ...(definition.properties ?? []),
  ]

  class PaygWidgetElement extends HTMLElement {
    static observedAttributes = [...COMMON_ATTRIBUTES, ...Object.keys(attributes)]
    #root: Root | undefined
    #mount: HTMLDivElement | undefined
    #props: Record<string, unknown> = {}
    #messages: PaygMessages | undefined

    constructor() {
      super()
      // A property the page set before this script ran (an inline script runs before a module
      // script) is the element's own, hiding the accessor: hand it to the accessor instead.
      for (const prop of ['messages', ...propNames]) {
        if (Object.hasOwn(this, prop)) {
          const value = (this as Record<string, unknown>)[prop]
          delete (this as Record<string, unknown>)[prop]
          ;(this as Record<string, unknown>)[prop] = value
        }
      }
    }

    /** String overrides, as with PaygProvider's `messages`. */
    get messages(): PaygMessages | undefined {
      return this.#messages
    }
    set messages(value: PaygMessages | undefined) {
      this.#messages = value
      this.#render()
    }

    connectedCallback() {
      if (!this.shadowRoot) {
        const shadow = this.attachShadow({ mode: 'open' })
        const host = new CSSStyleSheet()
        host.replaceSync(`:host { display: ${definition.display ?? 'block'} }`)
        shadow.adoptedStyleSheets = [...styleSheets(), host]
        this.#mount = document.createElement('div')
        shadow.append(this.#mount)
      }
      this.#root ??= createRoot(this.#mount as HTMLDivElement)
      this.#render()
    }

    disconnectedCallback() {
      // Moved in one go (removed and added back, a drag and drop or a framework's reorder), it
      // stays mounted and keeps what was typed in it; removed for good, it unmounts.
      queueMicrotask(() => {
        if (this.isConnected) return
        this.#root?.unmount()
        this.#root = undefined
      })
    }

    attributeChangedCallback() {
      this.#render()
    }

    #render() {
      if (!this.#root || !this.#mount) return
      if (this.hasAttribute('api-key')) {
        console.error(
          `[payg-kit] <${definition.tag}> never takes an API key: anyone could read it in the page. Point base-url at a server-side proxy (createPaygProxy from @payg-kit/core/proxy) that adds the key.`,
        )
        this.#mount.textContent = 'Billing is misconfigured: see the console.'
        return
      }
      const theme = this.getAttribute('theme')
      if (theme === 'dark' || theme === 'light') this.#mount.dataset.paygTheme = theme
      else delete this.#mount.dataset.paygTheme
      const { client, queryClient } = sharedFor(this.getAttribute('base-url') ?? '/api/payg')
      const props: Record<string, unknown> = {}
      for (const [attribute, [prop, type]] of Object.entries(attributes)) {
        const value = parse(this.getAttribute(attribute), type)
        if (value !== undefined) props[prop] = value
      }
      // A property set from script wins over its attribute.
      Object.assign(props, this.#props)
      for (const [callback, eventName] of Object.entries(events)) {
        props[callback] = (detail: unknown) =>
          this.dispatchEvent(new CustomEvent(eventName, { detail, bubbles: true, composed: true }))
      }
      const Widget = definition.component
      const widgetProps = definition.toProps ? definition.toProps(props) : props
      if (widgetProps === null) {
        this.#root.render(null)
        return
      }
      this.#root.render(
        <PaygProvider
          client={client}
          queryClient={queryClient}
          locale={this.getAttribute('locale') ?? undefined}
          messages={this.#messages}
        >
          <Widget {...widgetProps} />
        </PaygProvider>,
      )
    }

    static {
      // Each mapped prop is also a property: element.lowThreshold = 20.
      for (const prop of propNames) {
        Object.defineProperty(PaygWidgetElement.prototype, prop, {
          get(this: PaygWidgetElement) {
            return this.#props[prop]
          },
          set(this: PaygWidgetElement, value: unknown) {
            this.#props[prop] = value
            this.#render()
          },
        })
      }
    }
  }

  customElements.define(definition.tag, PaygWidgetElement)
}
