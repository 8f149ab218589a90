import {
  type FormEvent,
  type ReactNode,
  type RefObject,
  type SyntheticEvent,
  useEffect,
  useId,
  useRef,
} from 'react'

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
 * nothing (`closedby="none"`; where that is not supported, the cancel is prevented and a close
 * that gets through, as Chromium lets a second Escape do, is undone), so an answer in flight is
 * never left without its dialog. On close, focus goes back to the control
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

interface ModalDialogProps {
  /** What `useModal` gave the component that renders the dialog. */
  modal: Modal
  busy: boolean
  /** A line above the title: who is asking. */
  kicker: string
  title: string
  /** What the dialog is about; screen readers read it with the title. */
  description: ReactNode
  /** Shown as an alert when set: what went wrong with the last answer. */
  problem: string | null
  /** The buttons, in reading order (the last one first on a narrow screen). */
  actions: ReactNode
  /** When given, the content is a form and its submit button calls this. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void
  children?: ReactNode
}

/** The playground's modal `<dialog>`: kicker, title, description, content, problem, actions. */
export function ModalDialog({
  modal,
  busy,
  kicker,
  title,
  description,
  problem,
  actions,
  onSubmit,
  children,
}: ModalDialogProps): ReactNode {
  const id = useId()
  const content = (
    <>
      <p className="playground__dialog-kicker payg-muted">{kicker}</p>
      <h2 className="playground__dialog-title" id={`${id}-title`}>
        {title}
      </h2>
      <div id={`${id}-description`}>{description}</div>
      {children}
      {problem ? (
        <p className="payg-hint" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="playground__dialog-actions">{actions}</div>
    </>
  )
  return (
    <dialog
      ref={modal.ref}
      className="playground__dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      aria-busy={busy || undefined}
      // A close request (Escape) does not close it mid-answer.
      closedby={busy ? 'none' : undefined}
      onCancel={modal.onCancel}
      onClose={modal.onClose}
    >
      {onSubmit ? (
        <form noValidate onSubmit={onSubmit}>
          {content}
        </form>
      ) : (
        content
      )}
    </dialog>
  )
}
