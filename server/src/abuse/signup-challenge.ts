import { createHmac, randomBytes } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Redis } from 'ioredis';
import { badInput } from '../common/tock-error.js';

/** How long a challenge may be solved and submitted. */
const CHALLENGE_TTL_SECONDS = 600;

interface ChallengeSettings {
  enabled: boolean;
  /** Signs challenges (keys are derived from it); every API process needs the same one. Random per process when unset. */
  secret?: string;
  /** The solver tries up to this many SHA-256 hashes: a few thousand take well under a second in a browser. */
  maxCounter: number;
}

// A8: a self-hosted proof of work (ALTCHA) on the public signup. The server
// signs each challenge, binds it to one invite, and accepts each solution once
// (replay guard in Redis when configured, in process otherwise). No third party.
export class SignupChallenge {
  private readonly signatureSecret: string;
  private readonly keySecret: string;
  private readonly usedLocally = new Map<string, number>();

  constructor(
    private readonly settings: ChallengeSettings,
    private readonly redis: Redis | null,
    private readonly namespace = 'tock:abuse:challenge',
  ) {
    const root = settings.secret ?? randomBytes(32).toString('hex');
    this.signatureSecret = createHmac('sha256', root).update('altcha-signature').digest('hex');
    this.keySecret = createHmac('sha256', root).update('altcha-key').digest('hex');
  }

  get required(): boolean {
    return this.settings.enabled;
  }

  /** A new challenge for this invite, as the ALTCHA widget reads it. */
  async create(inviteToken: string, now = new Date()): Promise<Challenge> {
    return createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      counter: randomInt(0, this.settings.maxCounter),
      deriveKey,
      data: { invite: inviteToken },
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_SECONDS * 1000),
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySecret,
    });
  }

  /** Throws a `challenge` field error unless the payload solves a challenge of this invite not used before. */
  async verify(payload: string | null | undefined, inviteToken: string): Promise<void> {
    if (!this.settings.enabled) return;
    if (!payload) throw badInput('challenge', 'Please complete the verification before booking');
    const decoded = decode(payload);
    if (!decoded || decoded.challenge.parameters.data?.invite !== inviteToken) throw badInput('challenge', 'The verification is not valid; please try again');
    const result = await verifySolution({
      challenge: decoded.challenge,
      solution: decoded.solution,
      deriveKey,
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySecret,
    });
    if (result.expired) throw badInput('challenge', 'The verification expired; please try again');
    if (!result.verified) throw badInput('challenge', 'The verification is not valid; please try again');
    if (!(await this.markUsed(decoded.challenge.signature!, decoded.challenge.parameters.expiresAt))) {
      throw badInput('challenge', 'This verification was already used; please try again');
    }
  }

  // One use per signed challenge, remembered until it expires.
  private async markUsed(signature: string, expiresAt: number | undefined): Promise<boolean> {
    const ttlMs = Math.max(1000, (expiresAt ?? 0) * 1000 - Date.now());
    if (this.redis) {
      try {
        return (await this.redis.set(`${this.namespace}:${signature}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
      } catch {
        // Redis unreachable: this process still refuses its own replays.
      }
    }
    const now = Date.now();
    for (const [key, until] of this.usedLocally) if (until <= now) this.usedLocally.delete(key);
    if (this.usedLocally.has(signature)) return false;
    this.usedLocally.set(signature, now + ttlMs);
    return true;
  }
}

interface DecodedPayload {
  challenge: Challenge;
  solution: Solution;
}

// The widget's payload: base64 of JSON { challenge: { parameters, signature }, solution }.
function decode(payload: string): DecodedPayload | null {
  try {
    if (payload.length > 4096) return null;
    const value = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Partial<DecodedPayload>;
    const { challenge, solution } = value;
    if (!challenge?.parameters || typeof challenge.signature !== 'string' || !solution || typeof solution.counter !== 'number' || typeof solution.derivedKey !== 'string') {
      return null;
    }
    return { challenge, solution };
  } catch {
    return null;
  }
}
