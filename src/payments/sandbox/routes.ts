// The sandbox gateway: a local stand-in for CMI's hosted payment page, so the whole journey runs on
// one machine. It checks the merchant's form exactly as the bank would (client id, fields, ver3 hash),
// takes a test card (approved, declined, or through 3-D Secure), then does what the bank does: the
// server-to-server callback to `callbackUrl` (signed with the store key), and the browser's return to
// `okUrl` or `failUrl` with the same fields. Registered only when the sandbox is enabled.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CmiSettings } from '../../config.ts';
import { MAD_NUMERIC, parseCmiAmount, postedFields } from '../cmi/gateway.ts';
import { cmiHash, verifyCmiHash } from '../cmi/hash.ts';
import {
  behaviourOf,
  type CardBehaviour,
  expiryValid,
  luhnValid,
  maskPan,
  THREE_D_SECURE_CODE,
} from './cards.ts';
import {
  AUTOSUBMIT_JS,
  type CardErrors,
  cardPage,
  indexPage,
  invalidRequestPage,
  returnPage,
  type SandboxLang,
  sandboxLang,
  text,
  threeDsPage,
} from './pages.ts';

const PUBLIC = { access: { kind: 'public' } } as const;
/** Forms posted by the payer's browser from pages of the gateway itself (or the merchant's site). */
const FORM_ROUTE = { config: { ...PUBLIC, csrf: false }, schema: { hide: true } } as const;

const REQUIRED = [
  'clientid',
  'storetype',
  'trantype',
  'amount',
  'currency',
  'oid',
  'okUrl',
  'failUrl',
  'callbackUrl',
  'rnd',
  'hashAlgorithm',
  'HASH',
];

const encodePayload = (fields: Record<string, string>) =>
  Buffer.from(JSON.stringify(fields)).toString('base64url');

const decodePayload = (payload: string | undefined): Record<string, string> | null => {
  if (!payload) return null;
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    return postedFields(value);
  } catch {
    return null;
  }
};

const html = (reply: FastifyReply, body: string, status = 200) =>
  reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

/** What the bank checks before showing its card page. */
export function requestProblems(
  fields: Readonly<Record<string, string>>,
  settings: CmiSettings,
  lang: SandboxLang,
) {
  const problems: string[] = [];
  for (const name of REQUIRED) if (!fields[name]) problems.push(`${text(lang, 'badField')}: ${name}`);
  if (fields.clientid && fields.clientid !== settings.clientId) problems.push(text(lang, 'unknownMerchant'));
  if (fields.storetype && fields.storetype !== '3D_PAY_HOSTING')
    problems.push(`${text(lang, 'badField')}: storetype`);
  if (fields.trantype && !['PreAuth', 'Auth'].includes(fields.trantype))
    problems.push(`${text(lang, 'badField')}: trantype`);
  if (fields.currency && fields.currency !== MAD_NUMERIC)
    problems.push(`${text(lang, 'badField')}: currency`);
  if (fields.hashAlgorithm && fields.hashAlgorithm !== 'ver3')
    problems.push(`${text(lang, 'badField')}: hashAlgorithm`);
  const amount = parseCmiAmount(fields.amount);
  if (fields.amount && (amount === null || amount <= 0)) problems.push(`${text(lang, 'badField')}: amount`);
  for (const url of ['okUrl', 'failUrl', 'callbackUrl'] as const) {
    if (fields[url] && !/^https?:\/\//.test(fields[url]!)) problems.push(`${text(lang, 'badField')}: ${url}`);
  }
  if (fields.HASH && !verifyCmiHash(fields, settings.storeKey)) problems.push(text(lang, 'badHash'));
  return problems;
}

type Outcome = {
  approved: boolean;
  procReturnCode: string;
  response: string;
  mdStatus: string;
  errMsg: string;
};

const OUTCOMES: Record<CardBehaviour | 'three_d_secure_failed', Outcome> = {
  approve: { approved: true, procReturnCode: '00', response: 'Approved', mdStatus: '1', errMsg: '' },
  three_d_secure: { approved: true, procReturnCode: '00', response: 'Approved', mdStatus: '1', errMsg: '' },
  decline: {
    approved: false,
    procReturnCode: '05',
    response: 'Declined',
    mdStatus: '1',
    errMsg: 'Do not honour',
  },
  insufficient_funds: {
    approved: false,
    procReturnCode: '51',
    response: 'Declined',
    mdStatus: '1',
    errMsg: 'Insufficient funds',
  },
  three_d_secure_failed: {
    approved: false,
    procReturnCode: '99',
    response: 'Declined',
    mdStatus: '0',
    errMsg: '3-D Secure authentication failed',
  },
};

const trxDate = (now: Date) => now.toISOString().replace(/[-:T]/g, '').slice(0, 14);

export function sandboxRoutes(settings: CmiSettings, options: { publicUrl: string; now: () => Date }) {
  /** The bank → merchant notification: in-process when the merchant is this platform, else over HTTP. */
  const notify = async (
    app: FastifyInstance,
    url: string,
    fields: Record<string, string>,
  ): Promise<string> => {
    const body = new URLSearchParams(fields).toString();
    const target = new URL(url);
    if (target.origin === new URL(options.publicUrl).origin) {
      const response = await app.inject({
        method: 'POST',
        url: `${target.pathname}${target.search}`,
        payload: body,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'user-agent': 'Taamir-CMI-Sandbox/1',
        },
        remoteAddress: '127.0.0.1',
      });
      return response.body.trim();
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        signal: AbortSignal.timeout(15_000),
      });
      return (await response.text()).trim();
    } catch (error) {
      return `(no answer: ${(error as Error).message})`;
    }
  };

  const complete = async (
    app: FastifyInstance,
    reply: FastifyReply,
    original: Record<string, string>,
    outcome: Outcome,
    pan: string,
  ) => {
    const { HASH: _hash, hash: _lower, ...rest } = original;
    const now = options.now();
    const fields: Record<string, string> = {
      ...rest,
      ProcReturnCode: outcome.procReturnCode,
      Response: outcome.response,
      TransId: `${trxDate(now).slice(2, 8)}${randomBytes(5).toString('hex').toUpperCase()}`,
      AuthCode: outcome.approved ? String(100000 + (randomBytes(3).readUIntBE(0, 3) % 900000)) : '',
      mdStatus: outcome.mdStatus,
      ErrMsg: outcome.errMsg,
      maskedCreditCard: maskPan(pan),
      'EXTRA.TRXDATE': trxDate(now),
    };
    fields.HASH = cmiHash(fields, settings.storeKey);
    const merchantReply = await notify(app, original.callbackUrl!, fields);
    const lang = sandboxLang(original.lang);
    return html(
      reply,
      returnPage({
        lang,
        approved: outcome.approved,
        action: outcome.approved ? original.okUrl! : original.failUrl!,
        fields,
        merchantReply,
      }),
    );
  };

  return async (app: FastifyInstance) => {
    app.get('/sandbox/cmi', { config: PUBLIC, schema: { hide: true } }, async (request, reply) =>
      html(reply, indexPage(request.locale === 'ar' || request.locale === 'en' ? request.locale : 'fr')),
    );
    app.get(
      '/sandbox/cmi/autosubmit.js',
      { config: PUBLIC, schema: { hide: true } },
      async (_request, reply) =>
        reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(AUTOSUBMIT_JS),
    );

    // 1. The merchant's form arrives (posted by the payer's browser).
    app.post('/sandbox/cmi/est3Dgate', FORM_ROUTE, async (request, reply) => {
      const fields = postedFields(request.body);
      const lang = sandboxLang(fields.lang);
      const problems = requestProblems(fields, settings, lang);
      if (problems.length) return html(reply, invalidRequestPage(lang, problems), 400);
      return html(reply, cardPage({ lang, fields, payload: encodePayload(fields) }));
    });

    // 2. The card.
    app.post('/sandbox/cmi/pay', FORM_ROUTE, async (request, reply) => {
      const posted = postedFields(request.body);
      const original = decodePayload(posted.payload);
      const lang = sandboxLang(original?.lang);
      if (!original || requestProblems(original, settings, lang).length)
        return html(reply, invalidRequestPage(lang, [text(lang, 'badHash')]), 400);
      const pan = (posted.pan ?? '').replace(/[\s-]/g, '');
      const errors: CardErrors = {};
      if (!luhnValid(pan)) errors.pan = 'panInvalid';
      if (!expiryValid(posted.expiry ?? '', options.now())) errors.expiry = 'expiryInvalid';
      if (!/^\d{3}$/.test(posted.cvv ?? '')) errors.cvv = 'cvvInvalid';
      if (!(posted.holder ?? '').trim()) errors.holder = 'holderRequired';
      if (Object.keys(errors).length) {
        return html(
          reply,
          cardPage({
            lang,
            fields: original,
            payload: posted.payload!,
            errors,
            values: { pan: posted.pan ?? '', expiry: posted.expiry ?? '', holder: posted.holder ?? '' },
          }),
          400,
        );
      }
      const behaviour = behaviourOf(pan);
      if (behaviour === 'three_d_secure')
        return html(reply, threeDsPage({ lang, fields: original, payload: posted.payload!, pan }));
      return complete(app, reply, original, OUTCOMES[behaviour], pan);
    });

    // 3. 3-D Secure, for the cards that need it.
    app.post('/sandbox/cmi/3ds', FORM_ROUTE, async (request, reply) => {
      const posted = postedFields(request.body);
      const original = decodePayload(posted.payload);
      const lang = sandboxLang(original?.lang);
      const pan = posted.pan ?? '';
      if (
        !original ||
        requestProblems(original, settings, lang).length ||
        behaviourOf(pan) !== 'three_d_secure'
      )
        return html(reply, invalidRequestPage(lang, [text(lang, 'badHash')]), 400);
      const outcome =
        (posted.code ?? '').trim() === THREE_D_SECURE_CODE
          ? OUTCOMES.three_d_secure
          : OUTCOMES.three_d_secure_failed;
      return complete(app, reply, original, outcome, pan);
    });
  };
}
