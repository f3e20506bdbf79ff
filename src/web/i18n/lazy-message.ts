// An error's message in the language of the moment it is read, not of the moment it was made: an
// address is checked (and a request may fail) before the catalog has arrived, and a message on
// screen follows a switch of language. Before any catalog is active, the English source.
import type { MessageDescriptor } from '@lingui/core';
import { i18n } from '@lingui/core';

export function translate(message: MessageDescriptor): string {
  return i18n.locale ? i18n._(message) : (message.message ?? message.id);
}

/** Makes `error.message` read `message` in the page's language each time it is read. */
export function setLazyMessage(error: Error, message: MessageDescriptor) {
  Object.defineProperty(error, 'message', { get: () => translate(message), configurable: true, enumerable: false });
}
