// What the cards and the popup show at a glance, worked out without the DOM: passages grouped,
// words compared, verdicts counted, coverage gridded, the colours they are shown in.
export * from './coverage';
export * from './palette';
export * from './passages';
export * from './summary';
export * from './words';
