import type { RouteDefinition, RoutePreloadFunc } from '@solidjs/router';
import { lazy } from 'solid-js';
import { apiKey } from './lib/session';
import { preloadApiKeys } from './routes/api-keys/api-keys.data';
import { preloadConsentAudit } from './routes/consent/consent-audit.data';
import { preloadLiveFeed } from './routes/live-feed/live-feed.data';
import { preloadMessageDetail } from './routes/messages/message-detail.data';
import { preloadMessages } from './routes/messages/messages.data';
import { preloadJobQueue } from './routes/jobs/jobs.data';
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

// A signed-in page's data starts loading only once there is a key: a preload
// sent without one would be refused, and its refusal cached for the page the
// visitor reaches after signing in.
const signedIn =
  (preload: RoutePreloadFunc): RoutePreloadFunc =>
  (args) => {
    if (apiKey()) preload(args);
  };

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
      { path: '/', component: lazy(() => import('./routes/overview/overview.page')), preload: signedIn(preloadOverview) },
      { path: '/live', component: lazy(() => import('./routes/live-feed/live-feed.page')), preload: signedIn(preloadLiveFeed) },
      { path: '/messages', component: lazy(() => import('./routes/messages/messages.page')), preload: signedIn(preloadMessages) },
      { path: '/messages/:id', component: lazy(() => import('./routes/messages/message.page')), preload: signedIn(preloadMessageDetail) },
      { path: '/jobs', component: lazy(() => import('./routes/jobs/jobs.page')), preload: signedIn(preloadJobQueue) },
      { path: '/workspace', component: lazy(() => import('./routes/workspace/workspace.page')), preload: signedIn(preloadWorkspace) },
      { path: '/studies', component: lazy(() => import('./routes/studies/studies.page')), preload: signedIn(preloadStudies) },
      { path: '/studies/:id', component: lazy(() => import('./routes/studies/study.page')), preload: signedIn(preloadStudy) },
      { path: '/participants', component: lazy(() => import('./routes/participants/participants.page')), preload: signedIn(preloadParticipants) },
      { path: '/participants/:id', component: lazy(() => import('./routes/participants/participant.page')), preload: signedIn(preloadParticipant) },
      { path: '/team', component: lazy(() => import('./routes/team/team.page')), preload: signedIn(preloadTeam) },
      { path: '/schedules', component: lazy(() => import('./routes/schedules/schedules.page')), preload: signedIn(preloadSchedules) },
      { path: '/consent', component: lazy(() => import('./routes/consent/consent-audit.page')), preload: signedIn(preloadConsentAudit) },
      { path: '/api-keys', component: lazy(() => import('./routes/api-keys/api-keys.page')), preload: signedIn(preloadApiKeys) },
      { path: '*404', component: NotFoundPage },
    ],
  },
];
