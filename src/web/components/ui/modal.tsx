// A modal dialog: the browser's own <dialog> opened with showModal(), so the rest of the page is
// inert (focus stays inside, a screen reader sees only the dialog; the first field or button takes
// the focus) and Esc closes it. Focus goes
// back to where it was when the dialog opened. Single-key shortcuts are off while it is open.
import { useEffect, useRef, type ReactNode } from 'react';

export function Modal({
  labelledBy,
  onClose,
  className = '',
  children,
}: {
  /** The id of the dialog's heading, its accessible name. */
  labelledBy: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const onCancel = (e: Event) => {
      e.preventDefault();
      close.current();
    };
    // A click on the backdrop (the dialog element itself, outside its content) closes it too.
    const onClick = (e: MouseEvent) => e.target === dialog && close.current();
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('click', onClick);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('click', onClick);
      dialog.close();
      // Back where the person was, unless what they chose moved them (a new page focuses itself).
      if (opener?.isConnected && (document.activeElement === document.body || document.activeElement === null)) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      className={`m-auto max-h-[85vh] w-[min(40rem,calc(100vw-1.5rem))] rounded-lg border border-zinc-300 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 ${className}`}
    >
      {children}
    </dialog>
  );
}
