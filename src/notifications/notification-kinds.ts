/** Every kind of notification, in the order that decides which one a user gets when a record makes several. */
export const NOTIFICATION_KINDS = [
  'mentioned',
  'assigned',
  'shared',
  'unblocked',
  'reminder',
  'commented',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
