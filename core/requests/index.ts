// Every request a person sends to a cycle, declared once (core/requests/*): participants' and the secretariat's.
export * from './check';
export * from './cycle-controls';
export * from './participant-requests';
export * from './fields';
export * from './one-line';
