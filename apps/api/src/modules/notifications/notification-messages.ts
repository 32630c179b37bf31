/** What each kind of notification says, in both languages; the recipient's locale picks one. */
export interface NotificationText {
  title: string;
  body: string;
}

export interface NotificationMessage {
  kind: string;
  zh: NotificationText;
  en: NotificationText;
  link?: string;
  data?: Record<string, unknown>;
}
