import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailGatewaySender } from '../email-gateway.provider.js';
import type { OutgoingSms } from '../sms-provider.js';

interface CapturedMail {
  from: string;
  to: string[];
  raw: string;
}

const sms = (to: string): OutgoingSms => ({ to, from: '+15550100000', text: 'Your shift starts at 9:00. Reply STOP to opt out.', clientRef: 'log-7' });

// A real SMTP server on a free port. Recipients named 450…/550… are refused
// with that reply, as a carrier's mail server would.
async function startSmtp(): Promise<{ server: SMTPServer; port: number; mails: CapturedMail[] }> {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = /^(4\d\d|5\d\d)/.exec(address.address)?.[1];
      if (!refusal) return callback();
      const error = Object.assign(new Error(refusal.startsWith('4') ? 'Mailbox busy, try later' : 'No such user'), { responseCode: Number(refusal) });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { server, port, mails };
}

// Accepts connections and never says a word: the SMTP greeting never comes.
async function startSilentServer(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, sockets };
}

describe('email-to-SMS gateway provider against a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let gateway: EmailGatewaySender;

  beforeAll(async () => {
    smtp = await startSmtp();
    gateway = new EmailGatewaySender({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Tock <sms@tock.example>', timeoutMs: 2000 });
  });
  afterAll(async () => {
    gateway.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  it('E8: mails the text to <national number>@<gateway domain>, as plain text with no subject', async () => {
    const result = await gateway.sendVia('vtext.com', sms('+12025550143'));
    expect(result).toMatchObject({ outcome: 'sent' });
    const mail = smtp.mails.at(-1)!;
    expect(mail.to).toEqual(['2025550143@vtext.com']);
    expect(mail.from).toBe('sms@tock.example');
    expect(mail.raw).toMatch(/^Content-Type: text\/plain/im);
    expect(mail.raw).not.toMatch(/^Subject:/im);
    expect(mail.raw).toContain('Your shift starts at 9:00. Reply STOP to opt out.');
    expect(mail.raw).toMatch(/^X-Tock-Client-Ref: log-7/im);
    const id = (result as { providerMessageId: string }).providerMessageId.replace(/^email-/, '');
    expect(mail.raw).toContain(`Message-ID: <${id}@tock.example>`);
  });

  it('E8: an SMTP 4xx refusal answers retry', async () => {
    const before = smtp.mails.length;
    const result = await gateway.sendVia('vtext.com', sms('+14505550145'));
    expect(result).toMatchObject({ outcome: 'retry', errorCode: 'SMTP_450' });
    expect(smtp.mails.length).toBe(before);
  });

  it('E8: an SMTP 5xx refusal fails for good', async () => {
    const result = await gateway.sendVia('vtext.com', sms('+15505550146'));
    expect(result).toMatchObject({ outcome: 'failed', errorCode: 'SMTP_550', directUnavailable: false });
  });

  it('E8: a gateway known to be shut down is never mailed', async () => {
    const before = smtp.mails.length;
    for (const domain of ['txt.att.net', 'tmomail.net']) {
      expect(await gateway.sendVia(domain, sms('+12025550147'))).toMatchObject({ outcome: 'failed', errorCode: 'GATEWAY_SHUT_DOWN' });
    }
    expect(smtp.mails.length).toBe(before);
  });

  it('E8: an SMTP server that cannot be reached answers retry', async () => {
    const closed = await startSilentServer();
    await new Promise((resolve) => closed.server.close(resolve));
    const offline = new EmailGatewaySender({ smtpUrl: `smtp://127.0.0.1:${closed.port}`, from: 'sms@tock.example', timeoutMs: 2000 });
    try {
      expect(await offline.sendVia('vtext.com', sms('+12025550149'))).toMatchObject({ outcome: 'retry' });
    } finally {
      offline.close();
    }
  });

  it('E8: an SMTP server that never answers times out and answers retry', async () => {
    const silent = await startSilentServer();
    const slow = new EmailGatewaySender({ smtpUrl: `smtp://127.0.0.1:${silent.port}`, from: 'sms@tock.example', timeoutMs: 300 });
    try {
      expect(await slow.sendVia('vtext.com', sms('+12025550148'))).toMatchObject({ outcome: 'retry', errorCode: 'TIMEOUT' });
    } finally {
      slow.close();
      silent.sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.server.close(resolve));
    }
  });
});
