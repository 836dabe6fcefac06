import type { RouteDefinition } from '@solidjs/router';
import { lazy } from 'solid-js';
import { preloadApiKeys } from './routes/api-keys/api-keys.data';
import { preloadConsentAudit } from './routes/consent/consent-audit.data';
import { preloadLiveFeed } from './routes/live-feed/live-feed.data';
import { preloadOverview } from './routes/overview/overview.data';
import { preloadParticipant } from './routes/participants/participant.data';
import { preloadParticipants } from './routes/participants/participants.data';
import { preloadInvite } from './routes/public/invite.data';
import { preloadManageBooking } from './routes/public/manage-booking.data';
import { preloadSchedules } from './routes/schedules/schedules.data';
import { Shell } from './routes/shell/shell';
import { SignInPage } from './routes/sign-in/sign-in.page';
import { preloadStudies } from './routes/studies/studies.data';
import { preloadStudy } from './routes/studies/study.data';
import { preloadTeam } from './routes/team/team.data';
import { preloadWorkspace } from './routes/workspace/workspace.data';
import { NotFoundPage } from './routes/not-found.page';

// Pages load lazily; each route's preload starts its data while the code loads.
export const routes: RouteDefinition[] = [
  { path: '/sign-in', component: SignInPage },
  // Public pages behind the links in texts and invites: no API key.
  { path: '/invite/:token', component: lazy(() => import('./routes/public/invite.page')), preload: preloadInvite },
  { path: '/manage/:token', component: lazy(() => import('./routes/public/manage-booking.page')), preload: preloadManageBooking },
  {
    path: '/',
    component: Shell,
    children: [
      { path: '/', component: lazy(() => import('./routes/overview/overview.page')), preload: preloadOverview },
      { path: '/live', component: lazy(() => import('./routes/live-feed/live-feed.page')), preload: preloadLiveFeed },
      { path: '/workspace', component: lazy(() => import('./routes/workspace/workspace.page')), preload: preloadWorkspace },
      { path: '/studies', component: lazy(() => import('./routes/studies/studies.page')), preload: preloadStudies },
      { path: '/studies/:id', component: lazy(() => import('./routes/studies/study.page')), preload: preloadStudy },
      { path: '/participants', component: lazy(() => import('./routes/participants/participants.page')), preload: preloadParticipants },
      { path: '/participants/:id', component: lazy(() => import('./routes/participants/participant.page')), preload: preloadParticipant },
      { path: '/team', component: lazy(() => import('./routes/team/team.page')), preload: preloadTeam },
      { path: '/schedules', component: lazy(() => import('./routes/schedules/schedules.page')), preload: preloadSchedules },
      { path: '/consent', component: lazy(() => import('./routes/consent/consent-audit.page')), preload: preloadConsentAudit },
      { path: '/api-keys', component: lazy(() => import('./routes/api-keys/api-keys.page')), preload: preloadApiKeys },
      { path: '*404', component: NotFoundPage },
    ],
  },
];
