import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../../config/app-config.js';

/** One plain-text message. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** The seam between password resets and e-mail: the auth code knows only `send`; nodemailer stays in here. */
export interface ResetMailer {
  send(mail: OutgoingMail): Promise<void>;
}

/** Injection token; the provider is null when SMTP_URL is unset (e-mail reset off). */
export const RESET_MAILER = Symbol('RESET_MAILER');

class SmtpResetMailer implements ResetMailer {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(url);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }
}

/** Created only when SMTP is configured. */
export function createResetMailer(config: AppConfig): ResetMailer | null {
  if (!config.smtpUrl || !config.smtpFrom) return null;
  new Logger('ResetMailer').log(`Password reset by e-mail is on (SMTP ${new URL(config.smtpUrl).host})`);
  return new SmtpResetMailer(config.smtpUrl, config.smtpFrom);
}

/** The reset e-mail in the account's language (zh-CN unless the account chose English). */
export function resetMail(locale: string, code: string, link: string, hours: number): Omit<OutgoingMail, 'to'> {
  if (locale === 'en') {
    return {
      subject: 'Leye Linyi: your password reset code',
      text: [
        `Your one-time reset code is ${code}. It works once and expires in ${hours} hours.`,
        '',
        `Choose a new password here: ${link}`,
        '',
        'If you did not ask for this, ignore this e-mail: your password stays as it is.',
      ].join('\n'),
    };
  }
  return {
    subject: '乐业临沂：密码重置码',
    text: [
      `您的一次性重置码是 ${code}，仅可使用一次，${hours} 小时内有效。`,
      '',
      `请在此设置新密码：${link}`,
      '',
      '如果这不是您本人的操作，请忽略本邮件，您的密码不会改变。',
    ].join('\n'),
  };
}
