// A8: the proof of work on the signup page: the ALTCHA widget (self-hosted,
// no third party) solves a challenge the server signed for this invite. The
// external build and a same-origin worker keep the console's CSP ('self').
import 'altcha/external';
import 'altcha/altcha.css';
import ShaWorker from 'altcha/workers/sha?worker';
import { getSignupChallenge } from './invite.data';

globalThis.$altcha.algorithms.set('SHA-256', () => new ShaWorker());

/** One widget per challenge: a challenge is accepted once, so every attempt gets a fresh one. */
export class SignupChallengeWidget {
  private solved: Promise<string> = Promise.reject(new Error('not started'));

  constructor(
    private readonly host: HTMLElement,
    private readonly inviteToken: string,
    /** T2: the widget's own words, in the page's language (ALTCHA's `strings`); its English when omitted. */
    private readonly strings?: Record<string, string>,
  ) {
    this.solved.catch(() => {});
  }

  /** Fetches a new challenge and starts solving it at once. */
  renew(): void {
    this.solved = (async () => {
      const challenge = await getSignupChallenge(this.inviteToken);
      const widget = document.createElement('altcha-widget');
      widget.setAttribute('challenge', challenge);
      widget.setAttribute('auto', 'onload');
      widget.setAttribute('name', 'challenge');
      widget.setAttribute('configuration', JSON.stringify({ minDuration: 0, hideFooter: true, workers: 2 }));
      if (this.strings) widget.setAttribute('strings', JSON.stringify(this.strings));
      const payload = new Promise<string>((resolve, reject) => {
        widget.addEventListener('verified', (event) => resolve((event as CustomEvent<{ payload: string }>).detail.payload));
        widget.addEventListener('statechange', (event) => {
          const { state, error } = (event as CustomEvent<{ state: string; error?: string }>).detail;
          if (state === 'error' || state === 'expired') reject(new Error(error ?? 'The verification did not finish'));
        });
      });
      this.host.replaceChildren(widget);
      return payload;
    })();
    this.solved.catch(() => {});
  }

  /** The solved payload for signUp; waits for the solver if it is still working. */
  payload(): Promise<string> {
    return this.solved;
  }
}
