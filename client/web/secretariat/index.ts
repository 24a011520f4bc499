// The secretariat's screens: the list of cycles, a new cycle from a form (or a file), a cycle's page with every
// party's state at a glance, refused mail and every control of the cycle engine, its downloads, the county's
// follow-up, the party directory and the statutory calendar.
import type { FastifyInstance } from 'fastify';
import type { WebDeps } from '../web-deps';
import { registerCycleRoutes } from './cycle-routes';
import { registerDownloadRoutes } from './download-routes';
import { registerFollowUpRoute } from './follow-up-route';
import { registerGoalsOverviewRoute } from './goals-overview-route';
import { registerCalendarRoutes } from './calendar/calendar-routes';
import { registerDirectoryRoutes } from './directory/directory-routes';
import { registerListRoutes } from './list-routes';
import { registerNewCycleRoutes } from './new-cycle/new-cycle-routes';

export function registerSecretariatPages(app: FastifyInstance, deps: WebDeps): void {
  registerNewCycleRoutes(app, deps);
  registerDirectoryRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerListRoutes(app, deps);
  registerDownloadRoutes(app, deps);
  registerFollowUpRoute(app, deps);
  registerGoalsOverviewRoute(app, deps);
  registerCycleRoutes(app, deps);
}
