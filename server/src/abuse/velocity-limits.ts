import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../common/tock-error.js';
import type { LimiterStore } from './limiter-store.js';

const HOUR = 3600;

interface SignupLimits {
  perIp: number;
  perPhone: number;
  perPrefix: number;
  perInvite: number;
}

interface VelocitySettings {
  signup: SignupLimits;
  managePerIp: number;
}

/** Who is asking for a text on a public path. */
interface PublicAttempt {
  ip: string | null;
  /** E.164, when the attempt names a number. */
  phone?: string | null;
  /** The invite token or manage token the attempt uses. */
  link: string;
}

// A8: the block of 10,000 numbers a pumping run walks through (+1415555 of +14155550100).
function numberPrefix(phone: string): string {
  return phone.slice(0, Math.max(4, phone.length - 4));
}

// A8: every public path that causes a text is limited per client IP, per phone
// number (across emails and participants), per number prefix and per link, by
// the hour. Counts are shared through Redis when it is configured.
export class VelocityLimits {
  private readonly signupIp: RateLimiterAbstract;
  private readonly signupPhone: RateLimiterAbstract;
  private readonly signupPrefix: RateLimiterAbstract;
  private readonly signupInvite: RateLimiterAbstract;
  private readonly manageIp: RateLimiterAbstract;

  constructor(store: LimiterStore, settings: VelocitySettings) {
    const hourly = (keyPrefix: string, points: number) => store.limiter({ keyPrefix, points, durationSeconds: HOUR });
    this.signupIp = hourly('signup-ip', settings.signup.perIp);
    this.signupPhone = hourly('signup-phone', settings.signup.perPhone);
    this.signupPrefix = hourly('signup-prefix', settings.signup.perPrefix);
    this.signupInvite = hourly('signup-invite', settings.signup.perInvite);
    this.manageIp = hourly('manage-ip', settings.managePerIp);
  }

  /** Call after the input is valid and before anything is stored; throws RATE_LIMITED. */
  async signup(attempt: PublicAttempt): Promise<void> {
    // The IP first: one address hammering away spends only its own allowance,
    // not the budget of the numbers and the invite that others use.
    await take(this.signupIp, attempt.ip ?? 'unknown', 'ip', 'Too many signups from your network; try again later');
    if (attempt.phone) {
      await take(this.signupPhone, attempt.phone, 'phone', 'This phone number has had too many signups; try again later');
      await take(this.signupPrefix, numberPrefix(attempt.phone), 'prefix', 'Too many signups for numbers like this one; try again later');
    }
    await take(this.signupInvite, attempt.link, 'invite', 'This invite link has had too many signups; try again later');
  }

  /** The manage-booking page's mutations (S7): per IP; one booking has one link. */
  async manage(attempt: PublicAttempt): Promise<void> {
    await take(this.manageIp, attempt.ip ?? 'unknown', 'ip', 'Too many changes from your network; try again later');
  }
}

async function take(limiter: RateLimiterAbstract, key: string, limit: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    throw rateLimited(message, Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), limit);
  }
}
