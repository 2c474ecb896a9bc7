// The one messaging protocol between the content script, the extension's pages and the background:
// its messages (valibot schemas, validated on receipt), the views it carries, what the reader's
// input must look like, the guard that admits messages and the typed client that sends them.
// It imports nothing from the store: the store maps its rows to these views.
export * from './messages';
export * from './views';
export * from './inputs';
export * from './client';
