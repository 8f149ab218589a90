'use client'
import { paygKeys, usePaygMessages } from '@payg-kit/react'
import { useQueryClient } from '@tanstack/react-query'
import { Component, type ComponentType, type ReactNode } from 'react'
import { isPropError } from './propError'
import { RetryAlert } from './RetryAlert'
import { useMessages } from './useMessages'

/** The error state every widget falls back to, overridable through `PaygProvider`'s `messages`. */
export const widgetErrorMessages = {
  'widget.error': 'This could not be shown: the server sent something it could not read.',
  'widget.retry': 'Retry',
  'widget.errorInline': 'not available',
} as const

interface BoundaryProps {
  fallback: (reset: () => void) => ReactNode
  children: ReactNode
}

/** Catches what a widget throws while rendering, so one widget's bad data never unmounts the app. */
class Boundary extends Component<BoundaryProps, { failed: boolean; error?: unknown }> {
  override state: { failed: boolean; error?: unknown } = { failed: false }

  static getDerivedStateFromError(error: unknown): { failed: boolean; error: unknown } {
    return { failed: true, error }
  }

  override render(): ReactNode {
    // A prop passed wrong is the app's mistake: past the boundary, loud, not "the server's".
    if (this.state.failed && isPropError(this.state.error)) throw this.state.error
    return this.state.failed
      ? this.props.fallback(() => this.setState({ failed: false }))
      : this.props.children
  }
}

function WidgetError({
  className,
  inline,
  onRetry,
}: {
  className?: string
  inline: boolean
  onRetry: () => void
}) {
  const { t } = useMessages(widgetErrorMessages)
  if (inline) {
    // Inline in text (a cost tag): a short word, no card, no alert.
    return (
      <span className={['payg-root', className].filter(Boolean).join(' ')} data-state="error">
        {t('widget.errorInline')}
      </span>
    )
  }
  return (
    <div
      className={['payg-root', 'payg-card', 'payg-widget-error', className]
        .filter(Boolean)
        .join(' ')}
      data-state="error"
    >
      <RetryAlert message={t('widget.error')} retryLabel={t('widget.retry')} onRetry={onRetry} />
    </div>
  )
}

/**
 * Internal: `Widget` behind an error boundary. A value it cannot render (a bad date, an amount
 * that is no number) shows the widget's error state with a retry that reloads its data.
 */
export function withErrorBoundary<P extends { className?: string }>(
  Widget: ComponentType<P>,
  options: { inline?: boolean } = {},
): (props: P) => ReactNode {
  function Guarded(props: P): ReactNode {
    // Outside a PaygProvider this throws here, past the boundary: a setup mistake stays loud.
    usePaygMessages()
    const queryClient = useQueryClient()
    const retry = async (reset: () => void) => {
      // The failed widget's queries have no observer now: drop them so it loads afresh.
      queryClient.removeQueries({ queryKey: paygKeys.all, type: 'inactive' })
      await queryClient.refetchQueries({ queryKey: paygKeys.all, type: 'active' })
      reset()
    }
    return (
      <Boundary
        fallback={(reset) => (
          <WidgetError
            className={props.className}
            inline={options.inline ?? false}
            onRetry={() => retry(reset)}
          />
        )}
      >
        <Widget {...props} />
      </Boundary>
    )
  }
  Guarded.displayName = Widget.displayName ?? Widget.name
  return Guarded
}
