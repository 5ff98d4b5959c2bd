import type { MessageTable } from '../messages/message-table.js';

export const TEMPLATE_MESSAGES: MessageTable = {
  zh: {},
  en: {},
};
