// Every workflow the worker runs, for its bundle.
export { negotiationCycle } from './cycle/negotiation-cycle';
export { partyNegotiation } from './party/party-negotiation';
export { archiveCycle } from './archive/archive-cycle';
export { scheduledCycle } from './calendar/scheduled-cycle';
export { thlFigures } from './thl/thl-figures';
