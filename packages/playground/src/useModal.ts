import { type RefObject, type SyntheticEvent, useEffect, useRef } from 'react'

/** What `useModal` gives a `<dialog>`: its ref and its two handlers. */
export interface Modal {
  ref: RefObject<HTMLDialogElement | null>
  /** Closes the dialog, busy or not: for the answer that ends it. */
  close: () => void
  onCancel: (event: SyntheticEvent<HTMLDialogElement>) => void
  onClose: () => void
}

/**
 * A `<dialog>` shown modal on mount, its `focus` element focused. While `busy`, Escape does
 * nothing and a close is undone (Chromium lets a second Escape through `preventDefault`), so an
 * answer in flight is never left without its dialog. On close, focus goes back to the control
 * that opened it, or, when that control is gone (the widget drew another), into its widget.
 */
export function useModal(
  busy: boolean,
  onClosed: () => void,
  focus: () => HTMLElement | null | undefined,
): Modal {
  const ref = useRef<HTMLDialogElement>(null)
  const busyNow = useRef(busy)
  busyNow.current = busy
  const opener = useRef<Element | null>(null)
  const widget = useRef<Element | null>(null)

  // Once, on mount: the dialog opens and takes its first focus.
  useEffect(() => {
    opener.current = document.activeElement
    widget.current = opener.current?.closest('.payg-card') ?? null
    const element = ref.current
    if (element && !element.open) element.showModal()
    focus()?.focus()
  }, [])

  return {
    ref,
    close: () => {
      busyNow.current = false
      ref.current?.close()
    },
    onCancel: (event) => {
      if (busyNow.current) event.preventDefault()
    },
    onClose: () => {
      if (busyNow.current) {
        ref.current?.showModal()
        return
      }
      onClosed()
      const back =
        opener.current instanceof HTMLElement && opener.current.isConnected
          ? opener.current
          : widget.current?.querySelector<HTMLElement>('button:not(:disabled), input, a[href]')
      back?.focus()
    },
  }
}
