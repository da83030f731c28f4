/**
 * The ways a notification leaves: e-mail (SMTP through nodemailer), text messages (a small
 * provider interface: one that writes to the log, one HTTP provider) and web push (push.ts).
 * Each is configured from the environment; a channel that is not configured is null, and a
 * notification that needs it fails with that reason for the team leader to see, never quietly.
 */
import nodemailer from 'nodemailer';
import { vapidSubject, webPushChannel, type PushChannel } from './push';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	html: string;
	/** Stable per notification (`<id@host>`): a resend after a crash is recognisable as the same mail. */
	messageId: string;
	lang: string;
}

export interface EmailChannel {
	/** 'smtp', or 'kept': the demo without SMTP keeps mail in the outbox for /staff/outbox to show. */
	kind: 'smtp' | 'kept';
	send(mail: Mail): Promise<void>;
	close?(): void;
}

export interface SmsChannel {
	kind: 'log' | 'http';
	send(to: string, text: string): Promise<void>;
}

export interface Channels {
	email: EmailChannel | null;
	sms: SmsChannel | null;
	/** Web push needs no account anywhere: on unless WEB_PUSH=off (a server that may not reach the internet). */
	push?: PushChannel | null;
}

/** SMTP through nodemailer: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…`. */
export function smtpChannel(url: string, from: string): EmailChannel {
	// Pooled: the worker's mails go one after another over one kept-open connection, not one each.
	const transport = nodemailer.createTransport({ url, pool: true, maxConnections: 2 });
	return {
		kind: 'smtp',
		async send(mail) {
			await transport.sendMail({
				from,
				to: mail.to,
				subject: mail.subject,
				text: mail.text,
				html: mail.html,
				messageId: mail.messageId,
				headers: { 'Content-Language': mail.lang, 'Auto-Submitted': 'auto-generated' }
			});
		},
		close: () => transport.close()
	};
}

/**
 * An HTTP text-message provider: POSTs `{ from, to, text }` as JSON with a bearer token
 * (SMS_URL, SMS_TOKEN, SMS_FROM); any answer but 2xx is a failure the worker retries.
 */
export function httpSms(url: string, token: string, from: string, fetcher: typeof fetch = fetch): SmsChannel {
	return {
		kind: 'http',
		async send(to, text) {
			const response = await fetcher(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
				body: JSON.stringify({ from, to, text }),
				signal: AbortSignal.timeout(15_000)
			});
			if (!response.ok) throw new Error(`SMS provider answered ${response.status}`);
		}
	};
}

/** For development: the text message goes to the server's log (never in production by default). */
export const logSms: SmsChannel = {
	kind: 'log',
	async send(to, text) {
		console.log(`SMS to ${to.slice(0, 5)}…: ${text}`);
	}
};

/** The channels this server has, from its environment. */
export function channelsFromEnv(env: NodeJS.ProcessEnv = process.env): Channels {
	const demo = env.OPGANG_DEMO === '1';
	const from = env.MAIL_FROM || 'Opgang <opgang@localhost>';
	const email: EmailChannel | null = env.SMTP_URL ? smtpChannel(env.SMTP_URL, from) : demo ? { kind: 'kept', send: async () => {} } : null;
	const provider = env.SMS_PROVIDER || (demo ? 'log' : '');
	let sms: SmsChannel | null = null;
	if (provider === 'log') sms = logSms;
	else if (provider === 'http') {
		if (!env.SMS_URL || !env.SMS_TOKEN) throw new Error('SMS_PROVIDER=http needs SMS_URL and SMS_TOKEN');
		sms = httpSms(env.SMS_URL, env.SMS_TOKEN, env.SMS_FROM || 'Opgang');
	} else if (provider) throw new Error(`SMS_PROVIDER must be log or http (got ${JSON.stringify(provider)})`);
	const push = env.WEB_PUSH === 'off' ? null : webPushChannel(vapidSubject(env));
	return { email, sms, push };
}

let configured: Channels | undefined;
/** This server's channels, read from the environment once. */
export function serverChannels(): Channels {
	return (configured ??= channelsFromEnv());
}
