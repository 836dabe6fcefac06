import { createInterface } from 'node:readline';
import { log } from '../../src/observability/logger.js';
import { startVonageStandIn } from './vonage-stand-in.js';

// Local runs: `npm run vonage-stand-in -w server`, then start Tock with the
// printed variables. Accepted texts get a "delivered" receipt after a moment;
// type "<from number> <text>" and Enter to send Tock an inbound text (e.g. STOP).
const port = Number(process.env.VONAGE_STAND_IN_PORT ?? 4010);
const tockUrl = process.env.TOCK_URL ?? 'http://localhost:4000';
const from = process.env.VONAGE_FROM ?? '15550100000';

const standIn = await startVonageStandIn({
  port,
  host: process.env.VONAGE_STAND_IN_HOST ?? '127.0.0.1',
  apiKey: process.env.VONAGE_API_KEY ?? 'standin-key',
  apiSecret: process.env.VONAGE_API_SECRET ?? 'standin-secret',
  signatureSecret: process.env.VONAGE_SIGNATURE_SECRET ?? 'standin-signature-secret',
  autoReceipt: { webhookBaseUrl: tockUrl, delayMs: Number(process.env.VONAGE_STAND_IN_RECEIPT_DELAY_MS ?? 1000) },
  // L7: VONAGE_STAND_IN_RATE_LIMIT=30 answers status 1 past 30 requests in any rolling second.
  rateLimit: process.env.VONAGE_STAND_IN_RATE_LIMIT ? { perSecond: Number(process.env.VONAGE_STAND_IN_RATE_LIMIT) } : undefined,
  log: (line) => log.info(line),
});

log.info(`Vonage stand-in listening on ${standIn.url}; receipts and inbound texts go to ${tockUrl}.`);
log.info('Point Tock at it with:\n');
log.info(
  [
    `VONAGE_API_KEY=${standIn.apiKey}`,
    `VONAGE_API_SECRET=${standIn.apiSecret}`,
    `VONAGE_SIGNATURE_SECRET=${standIn.signatureSecret}`,
    `VONAGE_FROM=${from}`,
    `VONAGE_REST_HOST=${standIn.url}`,
    `VONAGE_API_HOST=${standIn.url}`,
  ].join(' \\\n'),
);
log.info('\nType "<from number> <text>" to send an inbound text, e.g. "+15551234567 STOP".');

const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  const match = /^\s*(\+?\d{7,15})\s+(.+)$/.exec(line);
  if (!match) return log.info('Expected "<from number> <text>".');
  standIn
    .sendInbound(tockUrl, { from: match[1], to: from, text: match[2] })
    .then(([delivery]) => log.info(`inbound ${match[2]} -> ${delivery.status}`))
    .catch((error: unknown) => log.info(`inbound not delivered: ${(error as Error).message}`));
});

const shutdown = () => {
  input.close();
  void standIn.stop().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
