import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

type ClientIp = (request: IncomingMessage) => string | null;

// A8: X-Forwarded-For counts only when the connection comes from a configured
// trusted proxy; otherwise anyone could claim any address and dodge the limits.
// Express uses the same list (`trust proxy`), so HTTP and WebSocket agree.
export function clientIpResolver(trustedProxies: readonly string[]): { trust: (addr: string, i: number) => boolean; clientIp: ClientIp } {
  const trust = proxyAddr.compile([...trustedProxies]);
  return {
    trust,
    clientIp: (request) => (request.socket.remoteAddress ? proxyAddr(request, trust) : null),
  };
}
