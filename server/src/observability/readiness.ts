/** One dependency /readyz checks: what it is, where (no credentials), and how to reach it. */
export interface DependencyCheck {
  name: string;
  target: string;
  check(): Promise<unknown>;
}

interface DependencyStatus {
  ok: boolean;
  target: string;
  ms: number;
  error?: string;
}

interface Readiness {
  ready: boolean;
  status: 'ready' | 'unavailable' | 'draining';
  failed: string[];
  checks: Record<string, DependencyStatus>;
}

// O3: about 2 s per dependency, checked at once, so a hung store answers 503
// in time for a load balancer's probe instead of holding it open.
const READINESS_TIMEOUT_MS = 2_000;

export async function checkReadiness(checks: DependencyCheck[], draining: boolean, timeoutMs = READINESS_TIMEOUT_MS): Promise<Readiness> {
  const results = await Promise.all(checks.map(async (dependency) => [dependency.name, await timed(dependency, timeoutMs)] as const));
  const failed = results.filter(([, status]) => !status.ok).map(([name]) => name);
  if (draining) failed.unshift('draining');
  const status = draining ? 'draining' : failed.length ? 'unavailable' : 'ready';
  return { ready: failed.length === 0, status, failed, checks: Object.fromEntries(results) };
}

async function timed(dependency: DependencyCheck, timeoutMs: number): Promise<DependencyStatus> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      dependency.check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, target: dependency.target, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, target: dependency.target, ms: Math.round(performance.now() - started), error: (error as Error).message ?? String(error) };
  } finally {
    clearTimeout(timer);
  }
}
