import type { MessageTable } from '../messages/message-table.js';

export const RULE_MESSAGES: MessageTable = {
  zh: {},
  en: {},
};
